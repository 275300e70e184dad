package dev.rapport.crm.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.event.AccountUpdated;
import dev.rapport.crm.event.ContactUpdated;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.spi.IdGenerator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExternalIdsTest {
    private final Crm crm = Crm.builder().idGenerator(IdGenerator.sequential("t")).build();
    private final List<CrmEvent> events = new ArrayList<>();

    {
        crm.events().subscribe(events::add);
    }

    @Test
    void aContactIsFoundByItsIdInAnotherSystemWhateverTheSystemsCase() {
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace").externalId("Shop", "c-42"));

        assertThat(ada.externalIds().ids()).containsExactly(ExternalId.of("shop", "c-42"));
        assertThat(crm.contacts().findByExternalId("SHOP", " c-42 ")).contains(ada);
        assertThat(crm.contacts().findByExternalId("shop", "C-42")).isEmpty();
    }

    @Test
    void anAccountIsFoundByItsIdInAnotherSystem() {
        Account acme = crm.accounts().create(NewAccount.named("Acme").externalId("sap", "0000471100"));

        assertThat(crm.accounts().findByExternalId("sap", "0000471100")).contains(acme);
        assertThat(crm.accounts().findByExternalId("erp", "0000471100")).isEmpty();
    }

    @Test
    void anIdAnotherContactHasIsRefusedAndNothingIsStored() {
        crm.contacts().create(NewContact.named("Ada", "Lovelace").externalId("shop", "c-42"));
        events.clear();

        assertThatThrownBy(() -> crm.contacts().create(NewContact.named("Eve", "Copy").externalId("shop", "c-42")))
                .isInstanceOfSatisfying(CrmValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("externalIds"));
        assertThat(crm.contacts().count()).isEqualTo(1);
        assertThat(events).isEmpty();
    }

    @Test
    void anIdAnotherAccountHasIsRefusedOnUpdate() {
        crm.accounts().create(NewAccount.named("Acme").externalId("sap", "1"));
        Account other = crm.accounts().create(NewAccount.named("Other"));
        events.clear();

        assertThatThrownBy(() -> crm.accounts().update(
                other.withExternalIds(ExternalIds.none().with(ExternalId.of("sap", "1")))))
                .isInstanceOfSatisfying(CrmValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("externalIds"));
        assertThat(crm.accounts().get(other.id())).isEqualTo(other);
        assertThat(events).isEmpty();
    }

    @Test
    void externalIdsCanBeAddedByAnUpdateWhichNamesTheField() {
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace"));
        Account acme = crm.accounts().create(NewAccount.named("Acme"));
        events.clear();

        crm.contacts().update(ada.withExternalIds(ada.externalIds().with(ExternalId.of("crm-old", "7"))));
        crm.accounts().update(acme.withExternalIds(acme.externalIds().with(ExternalId.of("sap", "9"))));

        assertThat(crm.contacts().findByExternalId("crm-old", "7")).map(Contact::id).contains(ada.id());
        assertThat(crm.accounts().findByExternalId("sap", "9")).map(Account::id).contains(acme.id());
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOfSatisfying(ContactUpdated.class,
                e -> assertThat(e.changedFields()).containsExactly("externalIds"));
        assertThat(events.get(1)).isInstanceOfSatisfying(AccountUpdated.class,
                e -> assertThat(e.changedFields()).containsExactly("externalIds"));
    }

    @Test
    void lookUpsByExternalIdStayInTheirTenant() {
        crm.forTenant(TenantId.of("a")).contacts().create(NewContact.named("Ada", "L").externalId("shop", "1"));
        crm.forTenant(TenantId.of("a")).accounts().create(NewAccount.named("Acme").externalId("shop", "1"));

        assertThat(crm.forTenant(TenantId.of("b")).contacts().findByExternalId("shop", "1")).isEmpty();
        assertThat(crm.forTenant(TenantId.of("b")).accounts().findByExternalId("shop", "1")).isEmpty();
        Contact same = crm.forTenant(TenantId.of("b")).contacts()
                .create(NewContact.named("Other", "Person").externalId("shop", "1"));
        assertThat(same.externalIds().ids()).hasSize(1);
    }

    @Test
    void theValueTypesRefuseBlankPartsAndRepeatedPairs() {
        assertThatThrownBy(() -> ExternalId.of(" ", "1")).isInstanceOfSatisfying(CrmValidationException.class,
                e -> assertThat(e.field()).isEqualTo("externalId.system"));
        assertThatThrownBy(() -> ExternalId.of("sap", "")).isInstanceOfSatisfying(CrmValidationException.class,
                e -> assertThat(e.field()).isEqualTo("externalId.id"));
        assertThatThrownBy(() -> new ExternalIds(List.of(ExternalId.of("sap", "1"), ExternalId.of("SAP", "1"))))
                .isInstanceOfSatisfying(CrmValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("externalIds"));
        ExternalIds ids = ExternalIds.none().with(ExternalId.of("sap", "1")).with(ExternalId.of("sap", "2"));
        assertThat(ids.first("SAP")).contains(ExternalId.of("sap", "1"));
        assertThat(ids.plus(ExternalIds.none().with(ExternalId.of("sap", "1"))).ids()).hasSize(2);
    }
}
