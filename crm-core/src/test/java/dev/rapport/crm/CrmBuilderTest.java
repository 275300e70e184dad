package dev.rapport.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.memory.InMemoryStore;
import dev.rapport.crm.party.NewContact;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CrmBuilderTest {

    @Test
    void aSettingGivenTwiceFailsNamingTheValueAlreadySet() {
        Crm.Builder builder = Crm.builder().tenant(TenantId.of("first"));
        assertThatThrownBy(() -> builder.tenant(TenantId.of("second")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tenant was already set to first");
    }

    @Test
    void defaultsGiveAWorkingInMemoryCrmOnTheDefaultTenant() {
        Crm crm = Crm.builder().build();
        assertThat(crm.tenant()).isEqualTo(TenantId.DEFAULT);
        crm.contacts().create(NewContact.named("Ada", "Lovelace"));
        assertThat(crm.contacts().count()).isEqualTo(1);
    }

    @Test
    void allTimestampsComeFromTheInjectedClock() {
        Instant fixed = Instant.parse("2030-01-02T03:04:05Z");
        Crm crm = Crm.builder().clock(Clock.fixed(fixed, ZoneOffset.UTC)).store(new InMemoryStore()).build();
        var contact = crm.contacts().create(NewContact.named("Ada", "Lovelace"));
        assertThat(contact.createdAt()).isEqualTo(fixed);
        assertThat(contact.lifecycleHistory().get(0).at()).isEqualTo(fixed);
    }

    @Test
    void forTenantOfTheSameTenantIsTheSameView() {
        Crm crm = Crm.builder().build();
        assertThat(crm.forTenant(TenantId.DEFAULT)).isSameAs(crm);
        assertThat(crm.forTenant(TenantId.of("other")).tenant()).isEqualTo(TenantId.of("other"));
    }
}
