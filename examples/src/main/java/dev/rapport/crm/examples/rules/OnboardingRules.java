package dev.rapport.crm.examples.rules;

import dev.rapport.crm.event.ContactCreated;
import dev.rapport.crm.workflow.Actions;
import dev.rapport.crm.workflow.Conditions;
import dev.rapport.crm.workflow.EntityKind;
import dev.rapport.crm.workflow.Operator;
import dev.rapport.crm.workflow.Rule;
import dev.rapport.crm.workflow.RuleSet;
import dev.rapport.crm.workflow.Triggers;
import java.time.Duration;
import java.util.List;

/**
 * A host's own onboarding rules, the kind a host property-tests with crm-testkit (see
 * {@code OnboardingRulesProperties}): a new contact is welcomed, and followed up three days later,
 * unless it opted out of offers; contacts tagged "vip" are also handed to the key account team.
 */
public final class OnboardingRules {
    /** The tag of contacts that want no offers. */
    public static final String NO_OFFERS = "no-offers";
    /** The tag of very important contacts. */
    public static final String VIP = "vip";

    private OnboardingRules() {
    }

    /**
     * The rules.
     *
     * @return the rule set
     */
    public static RuleSet rules() {
        Rule welcome = Rule.named("welcome").on(EntityKind.CONTACT)
                .when(Triggers.event(ContactCreated.class))
                .ifCondition(Conditions.not(Conditions.field(EntityKind.CONTACT, "tags", Operator.CONTAINS, NO_OFFERS)))
                .then(Actions.sendMessage("welcome"), Actions.waitFor(Duration.ofDays(3)),
                        Actions.sendMessage("follow-up"))
                .build();
        Rule vip = Rule.named("vip-handover").on(EntityKind.CONTACT)
                .when(Triggers.event(ContactCreated.class))
                .ifCondition(Conditions.field(EntityKind.CONTACT, "tags", Operator.CONTAINS, VIP))
                .then(Actions.addTag("key-account"), Actions.sendMessage("vip-handover"))
                .build();
        return RuleSet.of(List.of(welcome, vip));
    }
}
