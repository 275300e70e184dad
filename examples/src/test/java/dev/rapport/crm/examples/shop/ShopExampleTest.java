package dev.rapport.crm.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.metrics.MetricStatus;
import dev.rapport.crm.metrics.RfmScore;
import dev.rapport.crm.revenue.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shop example's results, checked against a plain computation over its orders. */
class ShopExampleTest {
    private static final List<ShopExample.Order> ORDERS = ShopExample.orders();
    private static ShopExample.Result result;
    private static final Map<String, List<ShopExample.Order>> BY_CUSTOMER = new TreeMap<>();

    @BeforeAll
    static void run() {
        result = ShopExample.run(ORDERS);
        ORDERS.forEach(o -> BY_CUSTOMER.computeIfAbsent(o.customer(), c -> new ArrayList<>()).add(o));
        BY_CUSTOMER.values().forEach(l -> l.sort((a, b) -> a.date().compareTo(b.date())));
    }

    @Test
    void everyOrderBecameAPurchaseActivity() {
        assertThat(ORDERS).hasSize(82);
        assertThat(result.purchases()).isEqualTo(ORDERS.size());
        assertThat(result.rfm()).hasSize(BY_CUSTOMER.size());
    }

    @Test
    void theWinBackOfferGoesOnceToEveryCustomerWhoWentNinetyDaysWithoutAPurchase() {
        Set<String> expected = new TreeSet<>();
        BY_CUSTOMER.forEach((customer, orders) -> {
            List<LocalDate> days = new ArrayList<>(orders.stream().map(ShopExample.Order::date).toList());
            days.add(ShopExample.AS_OF.plusDays(1));        // the replay runs to the end of the last day
            for (int i = 1; i < days.size(); i++) {
                if (ChronoUnit.DAYS.between(days.get(i - 1), days.get(i)) > 90
                        || (i < days.size() - 1 && ChronoUnit.DAYS.between(days.get(i - 1), days.get(i)) == 90)) {
                    expected.add(customer);
                }
            }
        });
        assertThat(expected).isNotEmpty().hasSizeLessThan(BY_CUSTOMER.size());
        assertThat(result.winBack()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void rfmReadsRecencyFrequencyAndMonetaryValueFromThePurchases() {
        BY_CUSTOMER.forEach((customer, orders) -> {
            RfmScore s = result.rfm().get(customer);
            assertThat(s.frequency()).isEqualTo(orders.size());
            assertThat(s.monetary()).isEqualTo(orders.stream().map(ShopExample.Order::total)
                    .reduce(Money.zero("EUR"), Money::plus));
            assertThat(s.recencyDays()).isEqualTo(ChronoUnit.DAYS.between(orders.get(orders.size() - 1).date(),
                    ShopExample.AS_OF));
        });
        String champion = result.rfm().values().stream().filter(s -> ShopExample.segment(s).equals("champions"))
                .findFirst().orElseThrow().customerId();
        assertThat(result.rfm().get(champion).recencyScore()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void clvBySegmentIsQuarterlyRevenuePerCustomerTimesMarginOverTheLapsedShare() {
        int customers = 0;
        for (Map.Entry<String, ShopExample.SegmentValue> e : result.segments().entrySet()) {
            ShopExample.SegmentValue v = e.getValue();
            List<RfmScore> members = result.rfm().values().stream()
                    .filter(s -> ShopExample.segment(s).equals(e.getKey())).toList();
            assertThat(v.customers()).isEqualTo(members.size());
            customers += members.size();
            long lapsed = members.stream().filter(s -> s.recencyDays() >= 90).count();
            assertThat(v.lapsed()).isEqualTo(lapsed);
            if (lapsed == 0) {
                assertThat(v.clv().status()).isEqualTo(MetricStatus.UNDEFINED);
            } else {
                BigDecimal perQuarter = v.revenue().amount().divide(BigDecimal.valueOf(4L * members.size()), 2,
                        RoundingMode.HALF_EVEN);
                BigDecimal expected = perQuarter.multiply(new BigDecimal("0.30"))
                        .multiply(BigDecimal.valueOf(members.size()))
                        .divide(BigDecimal.valueOf(lapsed), 2, RoundingMode.HALF_EVEN);
                assertThat(v.clv().value().amount()).isCloseTo(expected, org.assertj.core.data.Offset.offset(
                        new BigDecimal("0.05")));
            }
        }
        assertThat(customers).isEqualTo(BY_CUSTOMER.size());
        assertThat(result.segments()).hasSizeGreaterThan(1);
    }
}
