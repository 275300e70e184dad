package dev.rapport.crm.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Crm;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.EmailAddress;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.spi.IdGenerator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The identity look-ups (contacts by normalized e-mail address, accounts by domain) are served
 * from the cache, and a write through the store makes the next look-up see it: a changed name, a
 * changed or removed address, a new row for an address that was looked up in vain. Changes made
 * behind the store's back (plain JDBC) show which reads came from the cache.
 */
class JpaIdentityCacheTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:15:30Z");

    private final TenantId tenant = TenantId.of("ident-" + UUID.randomUUID().toString().substring(0, 13));

    private static JpaCrmStore cachedStore(TestDatabase.Provider provider, long size) {
        return JpaCrmStore.owning(TestDatabase.H2.factory(provider)).cache(size, Duration.ofMinutes(5)).build();
    }

    private Crm crm(JpaCrmStore store) {
        return Crm.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .idGenerator(IdGenerator.sequential("i" + UUID.randomUUID().toString().substring(0, 6)))
                .store(store).tenant(tenant).build();
    }

    private void behindTheStoresBack(String sql) throws Exception {
        try (Connection connection = TestDatabase.H2.connect();
                PreparedStatement st = connection.prepareStatement(sql)) {
            st.setString(1, tenant.value());
            assertThat(st.executeUpdate()).isPositive();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Provider.class)
    void aContactFoundByEmailIsServedFromTheCache(TestDatabase.Provider provider) throws Exception {
        JpaCrmStore store = cachedStore(provider, 100);
        Crm crm = crm(store);
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace").email("ada@example.com"));
        JpaCacheStats before = store.emailCacheStats().orElseThrow(); // creating looked for duplicates
        assertThat(crm.contacts().findByEmail("ada@example.com")).contains(ada);

        behindTheStoresBack("UPDATE rapport_contact SET first_name = 'Changed' WHERE tenant_id = ?");

        assertThat(crm.contacts().findByEmail("ada@example.com")).contains(ada);
        JpaCacheStats stats = store.emailCacheStats().orElseThrow();
        assertThat(stats.hitCount() - before.hitCount()).isEqualTo(1);
        assertThat(stats.missCount() - before.missCount()).isEqualTo(1);
        assertThat(crm(cachedStore(provider, 100)).contacts().findByEmail("ada@example.com").orElseThrow()
                .firstName()).isEqualTo("Changed");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Provider.class)
    void aWriteThroughTheStoreIsSeenByTheNextLookUp(TestDatabase.Provider provider) {
        Crm crm = crm(cachedStore(provider, 100));
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace").email("ada@example.com"));
        crm.contacts().findByEmail("ada@example.com");

        Contact renamed = crm.contacts().update(ada.withName("Augusta", "King"));
        assertThat(crm.contacts().findByEmail("ada@example.com")).contains(renamed);

        Contact moved = crm.contacts().update(renamed.withEmails(List.of(new EmailAddress("augusta@example.com"))));
        assertThat(crm.contacts().findByEmail("ada@example.com")).isEmpty();
        assertThat(crm.contacts().findByEmail("augusta@example.com")).contains(moved);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Provider.class)
    void anAddressLookedUpInVainIsFoundOnceAContactHasIt(TestDatabase.Provider provider) {
        Crm crm = crm(cachedStore(provider, 100));
        assertThat(crm.contacts().findByEmail("grace@example.com")).isEmpty();

        Contact grace = crm.contacts().create(NewContact.named("Grace", "Hopper").email("grace@example.com"));

        assertThat(crm.contacts().findByEmail("grace@example.com")).contains(grace);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Provider.class)
    void aDeletedContactIsNoLongerFound(TestDatabase.Provider provider) {
        JpaCrmStore store = cachedStore(provider, 100);
        Crm crm = crm(store);
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace").email("ada@example.com"));
        assertThat(crm.contacts().findByEmail("ada@example.com")).contains(ada);

        boolean deleted = store.write(tenant, tx -> tx.contacts().delete(ada.id()));
        assertThat(deleted).isTrue();

        assertThat(crm.contacts().findByEmail("ada@example.com")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Provider.class)
    void accountsByDomainAreCachedAndForgottenOnWrite(TestDatabase.Provider provider) throws Exception {
        JpaCrmStore store = cachedStore(provider, 100);
        Crm crm = crm(store);
        Account acme = crm.accounts().create(NewAccount.named("Acme").domain("acme.example"));
        assertThat(crm.accounts().findByDomain("acme.example")).containsExactly(acme);

        behindTheStoresBack("UPDATE rapport_account SET name = 'Changed' WHERE tenant_id = ?");
        assertThat(crm.accounts().findByDomain("acme.example")).containsExactly(acme);
        assertThat(store.domainCacheStats().orElseThrow().hitCount()).isEqualTo(1);

        Account second = crm.accounts().create(NewAccount.named("Acme Labs").domain("acme.example"));
        assertThat(crm.accounts().findByDomain("acme.example")).extracting(Account::id)
                .containsExactlyInAnyOrder(acme.id(), second.id());

        Account renamed = crm.accounts().get(acme.id());
        crm.accounts().update(renamed.withDomain("acme-group.example"));
        assertThat(crm.accounts().findByDomain("acme.example")).extracting(Account::id).containsExactly(second.id());
        assertThat(crm.accounts().findByDomain("acme-group.example")).extracting(Account::id)
                .containsExactly(acme.id());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Provider.class)
    void theCachesAreBounded(TestDatabase.Provider provider) {
        JpaCrmStore store = cachedStore(provider, 3);
        Crm crm = crm(store);
        for (int i = 0; i < 10; i++) {
            crm.contacts().findByEmail("nobody" + i + "@example.com");
        }
        JpaCacheStats stats = store.emailCacheStats().orElseThrow();
        assertThat(stats.size()).isLessThanOrEqualTo(3);
        assertThat(stats.evictionCount()).isGreaterThanOrEqualTo(7);
        assertThat(stats.missCount()).isEqualTo(10);
    }
}
