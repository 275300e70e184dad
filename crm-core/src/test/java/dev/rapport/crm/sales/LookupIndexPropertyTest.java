package dev.rapport.crm.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.lifecycle.LifecycleStage;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.ContactRole;
import dev.rapport.crm.party.ContactRoleType;
import dev.rapport.crm.property.Gen;
import dev.rapport.crm.property.PropertyCheck;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * After any sequence of commands, every indexed look-up answers exactly what a scan of all
 * opportunities would, and every contact with a role is as far along its lifecycle as the
 * opportunities it is on require.
 */
class LookupIndexPropertyTest {
    private static final List<String> STAGES = List.of("prospecting", "qualification", "proposal", "negotiation",
            "closed-won");

    enum Kind { CREATE, MOVE, WIN, LOSE, REOPEN, ROLE, UNROLE, ACCOUNT, OWNER }

    record Step(Kind kind, int target, int pick, String stage) {
    }

    private static final Gen<Step> STEPS = Gen.enums(Kind.class).flatMap(kind -> Gen.integers(0, 4)
            .flatMap(target -> Gen.zip(Gen.integers(0, 2), Gen.elements(STAGES),
                    (pick, stage) -> new Step(kind, target, pick, stage))));

    @Test
    void indexedLookUpsAgreeWithAScanAfterAnySequenceOfCommands() {
        PropertyCheck.forAll(Gen.lists(STEPS, 1, 40)).tries(150).check(steps -> {
            SalesFixture f = new SalesFixture();
            OpportunityService service = f.crm.opportunities();
            PipelineId pipeline = f.crm.pipelines().defaultPipeline().id();
            List<Account> accounts = List.of(f.account("A"), f.account("B"), f.account("C"));
            List<Contact> contacts = List.of(f.contact("X"), f.contact("Y"), f.contact("Z"));
            List<UserId> owners = new ArrayList<>();
            owners.add(SalesFixture.ALICE);
            owners.add(null);
            owners.add(SalesFixture.ALICE);
            List<OpportunityId> ids = new ArrayList<>();

            for (Step step : steps) {
                try {
                    apply(service, step, ids, accounts, contacts, owners);
                } catch (CrmValidationException refused) {
                    // refusals are part of the sequence; the invariants must hold after them too
                }
            }

            List<Opportunity> all = service.list(PageRequest.first(1000)).items();
            for (Account account : accounts) {
                assertThat(service.findByAccount(account.id()))
                        .containsExactlyElementsOf(all.stream().filter(o -> account.id().equals(o.accountId())).toList());
            }
            assertThat(service.findByOwner(SalesFixture.ALICE)).containsExactlyElementsOf(
                    all.stream().filter(o -> SalesFixture.ALICE.equals(o.ownerId())).toList());
            for (Contact contact : contacts) {
                List<Opportunity> on = all.stream().filter(o -> o.contactRoles().contactIds().contains(contact.id()))
                        .toList();
                assertThat(service.findByContact(contact.id())).containsExactlyElementsOf(on);
                LifecycleStage required = on.stream().anyMatch(o -> o.status() == OpportunityStatus.WON)
                        ? LifecycleStage.CUSTOMER
                        : on.stream().anyMatch(Opportunity::isOpen) ? LifecycleStage.OPPORTUNITY : LifecycleStage.LEAD;
                assertThat(f.crm.contacts().get(contact.id()).lifecycleStage()).isGreaterThanOrEqualTo(required);
            }
            for (String stage : STAGES) {
                assertThat(service.findOpen(pipeline, stage)).containsExactlyElementsOf(
                        all.stream().filter(o -> o.isOpen() && o.stage().equals(stage)).toList());
            }
            assertThat(service.count()).isEqualTo(all.size());
        });
    }

    private static void apply(OpportunityService service, Step step, List<OpportunityId> ids, List<Account> accounts,
            List<Contact> contacts, List<UserId> owners) {
        if (step.kind() == Kind.CREATE || ids.isEmpty()) {
            ids.add(service.create(NewOpportunity.named("Deal")).id());
            return;
        }
        OpportunityId id = ids.get(step.target() % ids.size());
        switch (step.kind()) {
            case MOVE -> service.moveToStage(id, step.stage());
            case WIN -> service.closeWon(id, null);
            case LOSE -> service.closeLost(id, "price");
            case REOPEN -> service.reopen(id, step.stage());
            case ROLE -> service.setContactRole(id, new ContactRole(contacts.get(step.pick()).id(),
                    ContactRoleType.INFLUENCER, step.target() % 2 == 0));
            case UNROLE -> service.removeContactRole(id, contacts.get(step.pick()).id());
            case ACCOUNT -> {
                AccountId account = step.target() == 4 ? null : accounts.get(step.pick()).id();
                service.update(service.get(id).withAccount(account));
            }
            case OWNER -> service.update(service.get(id).withOwner(owners.get(step.pick())));
            case CREATE -> throw new IllegalStateException("handled above");
        }
    }
}
