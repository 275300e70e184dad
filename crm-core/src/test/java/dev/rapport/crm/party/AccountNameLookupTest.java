package dev.rapport.crm.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.spi.IdGenerator;
import org.junit.jupiter.api.Test;

class AccountNameLookupTest {
    private final Crm crm = Crm.builder().idGenerator(IdGenerator.sequential("t")).build();

    @Test
    void accountsAreFoundByNameIgnoringCaseAndSpacing() {
        Account acme = crm.accounts().create(NewAccount.named("Acme  GmbH"));
        crm.accounts().create(NewAccount.named("Acme Group"));

        assertThat(crm.accounts().findByName(" acme gmbh ")).containsExactly(acme);
        assertThat(crm.accounts().findByName("ACME\tGMBH")).containsExactly(acme);
        assertThat(crm.accounts().findByName("Acme")).isEmpty();
    }

    @Test
    void aRenameMovesTheAccountToItsNewNameInTheIndex() {
        Account acme = crm.accounts().create(NewAccount.named("Acme"));

        Account renamed = crm.accounts().update(acme.withName("Acme Holding"));

        assertThat(crm.accounts().findByName("acme")).isEmpty();
        assertThat(crm.accounts().findByName("acme holding")).containsExactly(renamed);
    }

    @Test
    void nameLookUpsStayInsideTheirTenant() {
        crm.forTenant(TenantId.of("a")).accounts().create(NewAccount.named("Acme"));

        assertThat(crm.forTenant(TenantId.of("a")).accounts().findByName("acme")).hasSize(1);
        assertThat(crm.forTenant(TenantId.of("b")).accounts().findByName("acme")).isEmpty();
    }

    @Test
    void aBlankNameIsRefused() {
        assertThatThrownBy(() -> crm.accounts().findByName("  "))
                .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.field()).isEqualTo("name"));
    }
}
