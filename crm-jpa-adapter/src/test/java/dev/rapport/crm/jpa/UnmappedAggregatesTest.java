package dev.rapport.crm.jpa;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.TenantId;
import dev.rapport.crm.spi.StoreTransaction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The store ports of aggregates the adapter does not map yet refuse, naming the aggregate. */
class UnmappedAggregatesTest {
    static Stream<Arguments> unmapped() {
        return Stream.of(
                Arguments.of("Activity", (Function<StoreTransaction, Object>) StoreTransaction::activities),
                Arguments.of("Task", (Function<StoreTransaction, Object>) StoreTransaction::tasks),
                Arguments.of("Ticket", (Function<StoreTransaction, Object>) StoreTransaction::tickets),
                Arguments.of("Campaign", (Function<StoreTransaction, Object>) StoreTransaction::campaigns),
                Arguments.of("CampaignMember", (Function<StoreTransaction, Object>) StoreTransaction::campaignMembers),
                Arguments.of("ExternalKey", (Function<StoreTransaction, Object>) StoreTransaction::externalKeys),
                Arguments.of("MergeRecord", (Function<StoreTransaction, Object>) StoreTransaction::mergeRecords));
    }

    @ParameterizedTest
    @MethodSource("unmapped")
    void theStorePortRefusesNamingTheAggregate(String aggregate, Function<StoreTransaction, Object> port) {
        JpaCrmStore store = JpaCrmStore.owning(TestDatabase.H2.factory(TestDatabase.Provider.HIBERNATE)).build();

        assertThatThrownBy(() -> store.read(TenantId.of("unmapped"), port))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage(aggregate + " is not mapped by the JPA adapter yet");
    }
}
