package dev.rapport.crm.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.party.Contact;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentsTest {
    private final Fixture f = new Fixture();
    private final Segment vips = Segment.dynamic("vips", EntityKind.CONTACT,
            Conditions.field(EntityKind.CONTACT, "tags", Operator.CONTAINS, "vip"));

    @Test
    void membershipIsKeptCurrentFromChanges() {
        Rule rule = Rule.named("welcome-vip").when(Triggers.entered(vips)).then(f.record("in")).build();
        WorkflowEngine engine = f.engine().rules(RuleSet.of(List.of(rule))).build();
        Contact ada = f.contact("Ada");
        Contact bob = f.contact("Bob");

        f.tag(ada, "vip");
        f.tag(bob, "vip");
        f.untag(bob, "vip");

        assertThat(engine.segmentMembers(f.crm.tenant(), "vips")).containsExactly(ada.id());
    }

    @Test
    void enteredAndLeftTriggerOnTheMoves() {
        Rule in = Rule.named("in").enrollment(Enrollment.RE_ENROLL).when(Triggers.entered(vips))
                .then(f.record("in")).build();
        Rule out = Rule.named("out").enrollment(Enrollment.RE_ENROLL).when(Triggers.left(vips))
                .then(f.record("out")).build();
        f.engine().rules(RuleSet.of(List.of(in, out))).build();
        Contact ada = f.contact("Ada");

        f.tag(ada, "vip");
        f.tag(ada, "other");   // stays in: no move
        f.untag(ada, "vip");

        String id = ":" + ada.id().value();
        assertThat(f.log).containsExactly("in" + id, "out" + id);
    }

    @Test
    void reEnrollingRulesFireOnEveryEntryAndExitButOnceRulesOnlyOnce() {
        Rule in = Rule.named("in").enrollment(Enrollment.RE_ENROLL).when(Triggers.entered(vips))
                .then(f.record("in")).build();
        Rule out = Rule.named("out").enrollment(Enrollment.RE_ENROLL).when(Triggers.left(vips))
                .then(f.record("out")).build();
        Rule first = Rule.named("first").when(Triggers.entered(vips)).then(f.record("first")).build();
        f.engine().rules(RuleSet.of(List.of(in, out, first))).build();
        Contact ada = f.contact("Ada");

        f.tag(ada, "vip");
        f.untag(ada, "vip");
        f.tag(ada, "vip");
        f.untag(ada, "vip");

        String id = ":" + ada.id().value();
        assertThat(f.log).containsExactly("first" + id, "in" + id, "out" + id, "in" + id, "out" + id);
    }

    @Test
    void segmentsAndTheirTriggersLoadFromJson() {
        RuleSet set = JsonRules.parser().parse("""
                {"segments": [{"name": "vips", "entity": "contact",
                               "condition": {"field": "tags", "op": "contains", "value": "vip"}}],
                 "rules": [{"id": "r", "trigger": {"entered": "vips"},
                            "actions": [{"type": "addTag", "tag": "welcomed-vip"}]}]}""");
        f.engine().rules(set).build();
        Contact ada = f.contact("Ada");

        f.tag(ada, "vip");

        assertThat(f.crm.contacts().get(ada.id()).tags()).contains("welcomed-vip");
    }

    @Test
    void aTriggerNamingAnUndefinedSegmentIsRefused() {
        try {
            JsonRules.parser().parse("""
                    {"rules": [{"id": "r", "trigger": {"left": "ghosts"}, "actions": [{"type": "addTag", "tag": "x"}]}]}""");
            throw new AssertionError("expected a failure");
        } catch (RuleDefinitionException e) {
            assertThat(e.pointer()).isEqualTo("/rules/0/trigger/left");
        }
    }
}
