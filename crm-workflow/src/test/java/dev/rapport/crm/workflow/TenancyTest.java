package dev.rapport.crm.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Actor;
import dev.rapport.crm.Crm;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.event.ContactCreated;
import dev.rapport.crm.event.EventId;
import dev.rapport.crm.event.EventMeta;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.NewContact;
import java.util.List;
import org.junit.jupiter.api.Test;

class TenancyTest {
    private final Fixture f = new Fixture();
    private final Rule rule = Rule.named("welcome").when(Triggers.event(ContactCreated.class))
            .then(Actions.addTag("welcomed"), Actions.sendMessage("welcome")).build();

    @Test
    void rulesRunInTheTenantOfTheEvent() {
        f.engine().rules(RuleSet.of(List.of(rule))).build();
        Crm a = f.crm.forTenant(TenantId.of("a"));
        Crm b = f.crm.forTenant(TenantId.of("b"));

        Contact inA = a.contacts().create(NewContact.named("Ada", "A"));
        Contact inB = b.contacts().create(NewContact.named("Bea", "B"));

        assertThat(a.contacts().get(inA.id()).tags()).containsExactly("welcomed");
        assertThat(b.contacts().get(inB.id()).tags()).containsExactly("welcomed");
        assertThat(f.sent).extracting(m -> m.tenantId().value()).containsExactly("a", "b");
    }

    @Test
    void theSameEventIdInTwoTenantsIsTwoTriggers() {
        Crm a = f.crm.forTenant(TenantId.of("a"));
        Crm b = f.crm.forTenant(TenantId.of("b"));
        Contact inA = a.contacts().create(NewContact.named("Ada", "A"));
        Contact inB = b.contacts().create(NewContact.named("Bea", "B"));
        WorkflowEngine engine = f.engine().rules(RuleSet.of(List.of(rule))).build();

        // A host whose ids are unique only per tenant delivers two events with one id.
        engine.handle(new ContactCreated(new EventMeta(EventId.of("e-1"), a.tenant(), f.clock.instant(), Actor.SYSTEM),
                inA.id(), null));
        engine.handle(new ContactCreated(new EventMeta(EventId.of("e-1"), b.tenant(), f.clock.instant(), Actor.SYSTEM),
                inB.id(), null));

        assertThat(f.sent).extracting(m -> m.tenantId().value()).containsExactly("a", "b");
        assertThat(b.contacts().get(inB.id()).tags()).containsExactly("welcomed");
    }
}
