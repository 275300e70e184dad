package dev.rapport.crm.examples.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rapport.crm.metrics.Period;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ERP example's results, checked against a plain computation over its contract records. */
class ErpExampleTest {
    private static ErpExample.Result result;

    @BeforeAll
    static void run() {
        result = ErpExample.run();
    }

    private static ErpExample.Customer customer(String number) {
        return ErpExample.CUSTOMERS.stream().filter(c -> c.number().equals(number)).findFirst().orElseThrow();
    }

    private static LocalDate cancelled(ErpExample.Contract c) {
        return ErpExample.AMENDMENTS.stream().filter(a -> a.contract().equals(c.number()) && a.monthly() == null)
                .map(ErpExample.Amendment::effective).findFirst().orElse(LocalDate.MAX);
    }

    @Test
    void subsidiariesBelongToTheirGroup() {
        assertThat(result.groupOf()).containsEntry("K-101", "K-100").containsEntry("K-102", "K-100")
                .containsEntry("K-201", "K-200").containsEntry("K-100", "K-100").containsEntry("K-300", "K-300");
    }

    @Test
    void everyActiveContractGetsOneRenewalTaskSixtyDaysBeforeEachRenewalDateForItsManager() {
        List<ErpExample.RenewalTask> expected = new ArrayList<>();
        for (ErpExample.Contract c : ErpExample.CONTRACTS) {
            for (LocalDate renewal = c.firstRenewal(); ; renewal = renewal.plusYears(1)) {
                LocalDate notice = renewal.minusDays(60);
                if (notice.isAfter(ErpExample.LAST_DAY)) {
                    break;
                }
                LocalDate created = notice.isBefore(ErpExample.FIRST_DAY) ? ErpExample.FIRST_DAY : notice;
                if (!renewal.isBefore(ErpExample.FIRST_DAY) && created.isBefore(cancelled(c))) {
                    expected.add(new ErpExample.RenewalTask(c.number(), c.customer(),
                            customer(c.customer()).manager(), created, renewal));
                }
            }
        }
        expected.sort(Comparator.comparing(ErpExample.RenewalTask::createdOn)
                .thenComparing(ErpExample.RenewalTask::contract));
        assertThat(expected).hasSize(6).extracting(ErpExample.RenewalTask::contract)
                .containsExactly("V-1", "V-4", "V-2", "V-5", "V-3", "V-1");
        assertThat(result.tasks()).containsExactlyElementsOf(expected);
    }

    /** A contract's monthly fee in effect at the end of a day. */
    private static BigDecimal mrrAt(ErpExample.Contract c, LocalDate day) {
        if (c.start().isAfter(day)) {
            return BigDecimal.ZERO;
        }
        BigDecimal mrr = new BigDecimal(c.monthly());
        for (ErpExample.Amendment a : ErpExample.AMENDMENTS.stream()
                .sorted(Comparator.comparing(ErpExample.Amendment::effective)).toList()) {
            if (a.contract().equals(c.number()) && !a.effective().isAfter(day)) {
                mrr = a.monthly() == null ? BigDecimal.ZERO : new BigDecimal(a.monthly());
            }
        }
        return mrr;
    }

    private static Map<String, BigDecimal> groupMrrAt(LocalDate day) {
        Map<String, BigDecimal> groups = new TreeMap<>();
        for (ErpExample.Contract c : ErpExample.CONTRACTS) {
            groups.merge(result.groupOf().get(c.customer()), mrrAt(c, day), BigDecimal::add);
        }
        return groups;
    }

    @Test
    void nrrAndGrrPerQuarterAreThoseOfTheGroupsPayingAtTheStart() {
        assertThat(result.retention()).hasSize(4);
        for (Map.Entry<Period, ErpExample.Retention> e : result.retention().entrySet()) {
            LocalDate first = e.getKey().start();
            Map<String, BigDecimal> start = groupMrrAt(first.minusDays(1));
            Map<String, BigDecimal> end = groupMrrAt(first.plusMonths(3).minusDays(1));
            BigDecimal s = BigDecimal.ZERO;
            BigDecimal net = BigDecimal.ZERO;
            BigDecimal gross = BigDecimal.ZERO;
            for (String group : start.keySet()) {
                if (start.get(group).signum() > 0) {
                    s = s.add(start.get(group));
                    net = net.add(end.get(group));
                    gross = gross.add(end.get(group).min(start.get(group)));
                }
            }
            assertThat(e.getValue().nrr().value()).as("NRR %s", e.getKey())
                    .isCloseTo(net.divide(s, 6, RoundingMode.HALF_EVEN), within(new BigDecimal("0.0001")));
            assertThat(e.getValue().grr().value()).as("GRR %s", e.getKey())
                    .isCloseTo(gross.divide(s, 6, RoundingMode.HALF_EVEN), within(new BigDecimal("0.0001")));
        }
        // Q1: an expansion only; Q3: a cancellation
        ErpExample.Retention q1 = result.retention().values().iterator().next();
        assertThat(q1.nrr().value()).isGreaterThan(BigDecimal.ONE);
        assertThat(q1.grr().value()).isEqualByComparingTo(BigDecimal.ONE);
    }
}
