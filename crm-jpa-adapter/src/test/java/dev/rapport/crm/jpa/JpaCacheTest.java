package dev.rapport.crm.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.field.EntityType;
import dev.rapport.crm.field.FieldDefinition;
import dev.rapport.crm.field.FieldType;
import dev.rapport.crm.sales.Pipeline;
import dev.rapport.crm.spi.IdGenerator;
import dev.rapport.crm.spi.StoreTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The cache serves pipelines and field schemas without the database, forgets what the store
 * writes, and never holds what a rolled-back unit of work wrote. A change made behind the store's
 * back (plain JDBC here) shows that a read came from the cache.
 */
class JpaCacheTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:15:30Z");

    private final TenantId tenant = TenantId.of("cache-" + UUID.randomUUID().toString().substring(0, 13));

    private static JpaCrmStore cachedStore(TestDatabase.Provider provider) {
        return JpaCrmStore.owning(TestDatabase.H2.factory(provider)).cache(100, Duration.ofMinutes(5)).build();
    }

    private Crm crm(JpaCrmStore store) {
        return Crm.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).idGenerator(IdGenerator.sequential("c"))
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
    void aPipelineReadOnceIsServedFromTheCache(TestDatabase.Provider provider) throws Exception {
        JpaCrmStore store = cachedStore(provider);
        Crm crm = crm(store);
        Pipeline standard = crm.pipelines().defaultPipeline();
        assertThat(crm.pipelines().get(standard.id())).isEqualTo(standard);

        behindTheStoresBack("UPDATE rapport_pipeline SET name = 'Renamed' WHERE tenant_id = ?");

        assertThat(crm.pipelines().get(standard.id()).name()).isEqualTo(standard.name());
        assertThat(store.cacheStats().orElseThrow().hitCount()).isPositive();
        assertThat(crm(cachedStore(provider)).pipelines().get(standard.id()).name()).isEqualTo("Renamed");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Provider.class)
    void aWriteThroughTheStoreIsSeenAtOnce(TestDatabase.Provider provider) {
        Crm crm = crm(cachedStore(provider));
        Pipeline standard = crm.pipelines().defaultPipeline();
        crm.pipelines().get(standard.id());

        Pipeline renamed = crm.pipelines().update(standard.withName("Direct sales"));

        assertThat(crm.pipelines().get(standard.id())).isEqualTo(renamed);
        assertThat(crm.pipelines().get(standard.id()).name()).isEqualTo("Direct sales");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Provider.class)
    void whatARolledBackUnitOfWorkWroteIsNeverServed(TestDatabase.Provider provider) {
        JpaCrmStore store = cachedStore(provider);
        Crm crm = crm(store);
        Pipeline standard = crm.pipelines().defaultPipeline();

        assertThatThrownBy(() -> store.write(tenant, (StoreTransaction tx) -> {
            tx.pipelines().update(standard.withName("Never").withVersion(2));
            assertThat(tx.pipelines().find(standard.id()).orElseThrow().name()).isEqualTo("Never");
            throw new IllegalStateException("abandon");
        })).hasMessage("abandon");

        assertThat(crm.pipelines().get(standard.id())).isEqualTo(standard);
        assertThat(crm.pipelines().get(standard.id())).isEqualTo(standard);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Provider.class)
    void fieldSchemasAreCachedAndForgottenOnWrite(TestDatabase.Provider provider) throws Exception {
        Crm crm = crm(cachedStore(provider));
        crm.customFields().define(EntityType.CONTACT, FieldDefinition.of("size", FieldType.NUMBER));
        assertThat(crm.customFields().fields(EntityType.CONTACT)).hasSize(1);

        behindTheStoresBack("UPDATE rapport_custom_field_schema SET fields = '[]' WHERE tenant_id = ?");
        assertThat(crm.customFields().fields(EntityType.CONTACT)).hasSize(1);

        crm.customFields().define(EntityType.CONTACT, FieldDefinition.of("tier", FieldType.TEXT));
        assertThat(crm.customFields().fields(EntityType.CONTACT)).extracting(FieldDefinition::key)
                .containsExactly("size", "tier");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Provider.class)
    void aStoreThatJoinsTheHostsTransactionsRefusesACache(TestDatabase.Provider provider) {
        assertThatThrownBy(() -> JpaCrmStore.joining(() -> TestDatabase.H2.factory(provider).createEntityManager())
                .cache(10, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("joins");
        assertThat(JpaCrmStore.owning(TestDatabase.H2.factory(provider)).build().cacheStats()).isEmpty();
    }
}
