package dev.rapport.crm.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.event.AccountUpdated;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.spi.IdGenerator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountServiceTest {
    private final Crm crm = Crm.builder().idGenerator(IdGenerator.sequential("t")).build();

    @Test
    void accountsFormHierarchies() {
        Account group = crm.accounts().create(NewAccount.named("Acme Group"));
        Account gmbh = crm.accounts().create(NewAccount.named("Acme GmbH").parent(group.id()));
        Account plant = crm.accounts().create(NewAccount.named("Acme Plant").parent(gmbh.id()));

        assertThat(crm.accounts().children(group.id())).containsExactly(gmbh);
        assertThat(crm.accounts().subsidiaries(group.id())).containsExactly(gmbh, plant);
        assertThat(crm.accounts().ancestors(plant.id())).containsExactly(gmbh, group);
    }

    @Test
    void aParentThatWouldMakeACycleIsRefused() {
        Account group = crm.accounts().create(NewAccount.named("Acme Group"));
        Account gmbh = crm.accounts().create(NewAccount.named("Acme GmbH").parent(group.id()));

        assertThatThrownBy(() -> crm.accounts().update(group.withParent(gmbh.id())))
                .isInstanceOfSatisfying(CrmValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("parentId"));
        assertThatThrownBy(() -> group.withParent(group.id()))
                .isInstanceOf(CrmValidationException.class);
        assertThat(crm.accounts().get(group.id()).parentId()).isNull();
    }

    @Test
    void aMissingParentIsRefused() {
        assertThatThrownBy(() -> crm.accounts().create(NewAccount.named("Orphan").parent(AccountId.of("none"))))
                .isInstanceOfSatisfying(CrmValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("parentId"));
        assertThat(crm.accounts().count()).isZero();
    }

    @Test
    void domainLookUpMatchesAnySpellingOfTheWebsite() {
        Account acme = crm.accounts().create(NewAccount.named("Acme").domain("https://www.acme.example/"));
        assertThat(acme.domain()).isEqualTo("acme.example");
        assertThat(crm.accounts().findByDomain("ACME.example")).containsExactly(acme);
    }

    @Test
    void contactRolesKeepOnePrimary() {
        Account acme = crm.accounts().create(NewAccount.named("Acme"));
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace").account(acme.id()));
        Contact bob = crm.contacts().create(NewContact.named("Bob", "Builder").account(acme.id()));
        List<CrmEvent> events = new ArrayList<>();
        crm.events().subscribe(events::add);

        crm.accounts().setContactRole(acme.id(), ContactRole.primary(ada.id(), ContactRoleType.CHAMPION));
        Account after = crm.accounts().setContactRole(acme.id(),
                ContactRole.primary(bob.id(), ContactRoleType.DECISION_MAKER));

        assertThat(after.contactRoles().primary()).map(ContactRole::contactId).contains(bob.id());
        assertThat(after.contactRoles().roles()).hasSize(2);
        assertThat(after.version()).isEqualTo(3);
        assertThat(events).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOf(AccountUpdated.class));
    }

    @Test
    void listingPagesInIdOrder() {
        for (int i = 0; i < 5; i++) {
            crm.accounts().create(NewAccount.named("Account " + i));
        }
        var first = crm.accounts().list(PageRequest.first(2));
        var second = crm.accounts().list(first.nextRequest());
        var third = crm.accounts().list(second.nextRequest());

        assertThat(first.total()).isEqualTo(5);
        assertThat(first.items()).hasSize(2);
        assertThat(third.items()).hasSize(1);
        assertThat(third.hasNext()).isFalse();
        List<String> ids = new ArrayList<>();
        for (var page : List.of(first, second, third)) {
            page.items().forEach(a -> ids.add(a.id().value()));
        }
        assertThat(ids).isSorted().doesNotHaveDuplicates().hasSize(5);
    }

    @Test
    void negativeFiguresAreRefused() {
        assertThatThrownBy(() -> crm.accounts().create(NewAccount.named("Acme").size(-1, null)))
                .isInstanceOfSatisfying(CrmValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("employees"));
        assertThatThrownBy(() -> crm.accounts().create(NewAccount.named("Acme")
                .size(10, dev.rapport.crm.revenue.Money.of("-1.00", "EUR"))))
                .isInstanceOfSatisfying(CrmValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("annualRevenue"));
    }
}
