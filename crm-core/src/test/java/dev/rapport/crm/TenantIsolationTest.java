package dev.rapport.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.ContactRole;
import dev.rapport.crm.party.ContactRoleType;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.spi.IdGenerator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tries hard to make one tenant see, find, change or hear about another tenant's data. */
class TenantIsolationTest {
    private final Crm crm = Crm.builder().idGenerator(IdGenerator.sequential("t")).build();
    private final Crm a = crm.forTenant(TenantId.of("a"));
    private final Crm b = crm.forTenant(TenantId.of("b"));

    @Test
    void anotherTenantsRecordIsNotFoundById() {
        Contact ada = a.contacts().create(NewContact.named("Ada", "Lovelace").email("ada@acme.example"));
        assertThat(b.contacts().find(ada.id())).isEmpty();
        assertThatThrownBy(() -> b.contacts().get(ada.id())).isInstanceOf(CrmNotFoundException.class);
    }

    @Test
    void lookUpsByEmailDomainAndOwnerStayInTheTenant() {
        Account acme = a.accounts().create(NewAccount.named("Acme").domain("acme.example"));
        a.contacts().create(NewContact.named("Ada", "Lovelace").email("ada@acme.example").account(acme.id()));

        assertThat(b.contacts().findByEmail("ada@acme.example")).isEmpty();
        assertThat(b.accounts().findByDomain("acme.example")).isEmpty();
        assertThat(b.contacts().findByAccount(acme.id())).isEmpty();
        assertThat(b.contacts().count()).isZero();
        assertThat(b.contacts().list(PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void theSameEmailMayExistOnceInEachTenant() {
        a.contacts().create(NewContact.withEmail("ada@acme.example"));
        Contact inB = b.contacts().create(NewContact.withEmail("ada@acme.example"));
        assertThat(b.contacts().findByEmail("ADA@acme.example")).contains(inB);
        assertThat(a.contacts().findByEmail("ada@acme.example")).isPresent().get().isNotEqualTo(inB);
    }

    @Test
    void anotherTenantsRecordCannotBeUpdatedOrReferenced() {
        Contact ada = a.contacts().create(NewContact.named("Ada", "Lovelace"));
        Account acme = a.accounts().create(NewAccount.named("Acme"));

        assertThatThrownBy(() -> b.contacts().update(ada.withTitle("CTO"))).isInstanceOf(CrmNotFoundException.class);
        assertThatThrownBy(() -> b.contacts().create(NewContact.named("Eve", "X").account(acme.id())))
                .isInstanceOf(CrmValidationException.class)
                .extracting("field").isEqualTo("accountId");
        assertThatThrownBy(() -> b.accounts().create(NewAccount.named("Sub").parent(acme.id())))
                .isInstanceOf(CrmValidationException.class)
                .extracting("field").isEqualTo("parentId");
        Account bAccount = b.accounts().create(NewAccount.named("B Corp"));
        assertThatThrownBy(() -> b.accounts().setContactRole(bAccount.id(),
                ContactRole.primary(ada.id(), ContactRoleType.CHAMPION)))
                .isInstanceOf(CrmValidationException.class)
                .extracting("field").isEqualTo("contactRoles");
        assertThat(a.contacts().get(ada.id()).title()).isNull();
    }

    @Test
    void subscribersHearOnlyTheirTenantsEvents() {
        List<CrmEvent> heardByA = new ArrayList<>();
        List<CrmEvent> heardByB = new ArrayList<>();
        a.events().subscribe(heardByA::add);
        b.events().subscribe(heardByB::add);

        a.contacts().create(NewContact.named("Ada", "Lovelace"));

        assertThat(heardByA).hasSize(1);
        assertThat(heardByA.get(0).meta().tenantId()).isEqualTo(TenantId.of("a"));
        assertThat(heardByB).isEmpty();
    }

    @Test
    void tenantIdsAreEqualByValueAndNormalizedBeforeComparing() {
        TenantId acme = TenantId.of("acme");
        assertThat(acme).isEqualTo(TenantId.of(new String("acme"))).hasSameHashCodeAs(TenantId.of("acme"))
                .isEqualTo(TenantId.of("  acme ")).isNotEqualTo(TenantId.of("Acme")).isNotEqualTo("acme");
        assertThat(java.util.Set.of(acme, TenantId.DEFAULT)).contains(TenantId.of("default"));
        assertThatThrownBy(() -> TenantId.of(" ")).isInstanceOf(CrmValidationException.class)
                .hasMessageContaining("tenantId");
    }
}
