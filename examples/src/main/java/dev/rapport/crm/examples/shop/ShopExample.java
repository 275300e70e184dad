package dev.rapport.crm.examples.shop;

import dev.rapport.crm.Crm;
import dev.rapport.crm.Page;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.activity.Activity;
import dev.rapport.crm.activity.ActivityType;
import dev.rapport.crm.activity.Channel;
import dev.rapport.crm.activity.NewActivity;
import dev.rapport.crm.examples.SimulatedClock;
import dev.rapport.crm.lifecycle.LifecycleStage;
import dev.rapport.crm.metrics.Conversion;
import dev.rapport.crm.metrics.CustomerMetrics;
import dev.rapport.crm.metrics.CustomerValue;
import dev.rapport.crm.metrics.MoneyRatio;
import dev.rapport.crm.metrics.Purchase;
import dev.rapport.crm.metrics.RfmScore;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.workflow.Actions;
import dev.rapport.crm.workflow.Conditions;
import dev.rapport.crm.workflow.EntityKind;
import dev.rapport.crm.workflow.Rule;
import dev.rapport.crm.workflow.RuleSet;
import dev.rapport.crm.workflow.Triggers;
import dev.rapport.crm.workflow.WorkflowEngine;
import dev.rapport.crm.workflow.spi.Message;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Embedding Rapport in an online shop: a year of the shop's orders become purchase activities on
 * the buyers' contacts, a workflow rule sends a win-back offer to every customer who has not
 * bought for 90 days, the customers are segmented by RFM (recency, frequency, monetary value) and
 * each segment gets a customer lifetime value.
 *
 * <p>The orders ({@code shop/orders.csv}, synthetic) are replayed in order on a simulated clock,
 * so the rule's 90-day inactivity timers fire when they would have in production.
 */
public final class ShopExample {
    /** The day the year ends and the segments are computed. */
    public static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);
    /** How long without a purchase before the win-back offer. */
    public static final Duration WIN_BACK_AFTER = Duration.ofDays(90);
    /** The template of the win-back message the shop's mailer renders. */
    public static final String WIN_BACK_TEMPLATE = "win-back-offer";
    /** The gross margin on the shop's sales, the host's own figure, for the CLV. */
    public static final BigDecimal GROSS_MARGIN = new BigDecimal("0.30");

    private static final Conversion EUR = Conversion.strict("EUR");

    private ShopExample() {
    }

    /**
     * One order of the shop.
     *
     * @param orderId the shop's order number
     * @param customer the shop's customer number
     * @param date the day it was placed
     * @param total the order's total
     */
    public record Order(String orderId, String customer, LocalDate date, Money total) {
    }

    /**
     * A segment's size, revenue and lifetime value.
     *
     * @param customers the customers in it
     * @param revenue what they paid in the year
     * @param lapsed those whose last purchase is {@link #WIN_BACK_AFTER} or more before {@link #AS_OF}
     * @param clv revenue per customer and quarter × margin ÷ quarterly churn (the lapsed share);
     *     undefined when none lapsed
     */
    public record SegmentValue(int customers, Money revenue, int lapsed, MoneyRatio clv) {
    }

    /**
     * What the run produced.
     *
     * @param purchases the purchase activities logged
     * @param winBack the customer numbers sent a win-back offer, in the order they were sent
     * @param rfm each customer's RFM score, by customer number
     * @param segments each segment's value, by segment name
     */
    public record Result(int purchases, List<String> winBack, Map<String, RfmScore> rfm,
            Map<String, SegmentValue> segments) {
    }

    /**
     * Runs the example on the bundled orders and prints what it did.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        print(run(orders()), System.out);
    }

    /**
     * The win-back rule: after 90 days without a purchase, a customer is tagged and sent an offer.
     *
     * @return the rule
     */
    public static Rule winBackRule() {
        // tag::win-back-rule[]
        return Rule.named("win-back").on(EntityKind.CONTACT)
                .when(Triggers.inactivity(WIN_BACK_AFTER, ActivityType.PURCHASE))
                .ifCondition(Conditions.contact("is a customer", c -> c.lifecycleStage() == LifecycleStage.CUSTOMER))
                .then(Actions.addTag("win-back"), Actions.sendMessage(WIN_BACK_TEMPLATE, Map.of("percent", "10")))
                .build();
        // end::win-back-rule[]
    }

    /**
     * Replays the orders through the CRM and the win-back rule, then segments the customers.
     *
     * @param orders the orders, in any order
     * @return what happened
     */
    public static Result run(List<Order> orders) {
        List<Order> byDate = new ArrayList<>(orders);
        byDate.sort(Comparator.comparing(Order::date).thenComparing(Order::orderId));
        SimulatedClock clock = new SimulatedClock(byDate.get(0).date().atStartOfDay().toInstant(ZoneOffset.UTC));
        Crm crm = Crm.builder().clock(clock).build();
        List<Message> sent = new ArrayList<>();
        WorkflowEngine engine = WorkflowEngine.builder(crm).rules(RuleSet.of(List.of(winBackRule())))
                .messageSender(sent::add).build();

        Map<String, ContactId> contacts = new LinkedHashMap<>();
        Map<ContactId, String> customers = new LinkedHashMap<>();
        for (Order order : byDate) {
            Instant at = order.date().atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC);
            clock.moveTo(at);
            engine.tick();                                 // timers due before this order fire first
            ContactId contact = contacts.computeIfAbsent(order.customer(), number -> {
                ContactId id = crm.contacts().create(NewContact.named(null, "Customer " + number)
                        .email(number.toLowerCase(Locale.ROOT) + "@customers.shop.example")).id();
                crm.contacts().promoteLifecycle(id, LifecycleStage.CUSTOMER);
                customers.put(id, number);
                return id;
            });
            // tag::purchase-activity[]
            crm.activities().log(NewActivity.of(ActivityType.PURCHASE, Channel.WEB).byCustomer().contact(contact)
                    .occurredAt(at).purchase(new dev.rapport.crm.activity.Purchase(order.orderId(), order.total())));
            // end::purchase-activity[]
        }
        for (LocalDate day = byDate.get(byDate.size() - 1).date(); !day.isAfter(AS_OF); day = day.plusDays(1)) {
            clock.moveTo(day.atTime(LocalTime.MAX).toInstant(ZoneOffset.UTC));
            engine.tick();
        }
        engine.close();

        List<String> winBack = sent.stream().filter(m -> m.template().equals(WIN_BACK_TEMPLATE))
                .map(m -> customers.get((ContactId) m.recipient())).toList();
        List<Purchase> purchases = purchases(crm, customers);
        Map<String, RfmScore> rfm = new TreeMap<>();
        CustomerMetrics.rfm(AS_OF, EUR).of(purchases).forEach(s -> rfm.put(s.customerId(), s));
        return new Result(purchases.size(), winBack, rfm, segments(rfm, purchases));
    }

    /** The purchases as the CRM holds them: each customer's timeline, purchase activities only. */
    static List<Purchase> purchases(Crm crm, Map<ContactId, String> customers) {
        List<Purchase> purchases = new ArrayList<>();
        customers.forEach((id, number) -> {
            PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
            while (true) {
                Page<Activity> timeline = crm.activities().timeline(id, page);
                for (Activity a : timeline.items()) {
                    if (a.type() == ActivityType.PURCHASE && a.purchase() != null) {
                        purchases.add(new Purchase(a.purchase().orderId(), number,
                                LocalDate.ofInstant(a.occurredAt(), ZoneOffset.UTC), a.purchase().total()));
                    }
                }
                if (!timeline.hasNext()) {
                    break;
                }
                page = timeline.nextRequest();
            }
        });
        return purchases;
    }

    /**
     * The segment of an RFM score, by the usual reading of the three quintile scores.
     *
     * @param s the score
     * @return "champions", "loyal", "at risk", "hibernating" or "promising"
     */
    public static String segment(RfmScore s) {
        if (s.recencyScore() >= 4 && s.frequencyScore() >= 4) {
            return "champions";
        }
        if (s.recencyScore() >= 3 && s.frequencyScore() >= 3) {
            return "loyal";
        }
        if (s.recencyScore() <= 2 && s.frequencyScore() >= 3) {
            return "at risk";
        }
        if (s.recencyScore() <= 2) {
            return "hibernating";
        }
        return "promising";
    }

    static Map<String, SegmentValue> segments(Map<String, RfmScore> rfm, List<Purchase> purchases) {
        Map<String, List<RfmScore>> bySegment = new TreeMap<>();
        rfm.values().forEach(s -> bySegment.computeIfAbsent(segment(s), k -> new ArrayList<>()).add(s));
        Map<String, SegmentValue> values = new TreeMap<>();
        bySegment.forEach((name, scores) -> {
            Money revenue = scores.stream().map(RfmScore::monetary).reduce(EUR.zero(), Money::plus);
            int lapsed = (int) scores.stream().filter(s -> s.recencyDays() >= WIN_BACK_AFTER.toDays()).count();
            Money perCustomerAndQuarter = Money.of(revenue.amount()
                    .divide(BigDecimal.valueOf(4L * scores.size()), 2, RoundingMode.HALF_EVEN), "EUR");
            BigDecimal churn = BigDecimal.valueOf(lapsed).divide(BigDecimal.valueOf(scores.size()), 6,
                    RoundingMode.HALF_EVEN);
            values.put(name, new SegmentValue(scores.size(), revenue, lapsed,
                    CustomerValue.marginClv(perCustomerAndQuarter, GROSS_MARGIN, churn)));
        });
        return values;
    }

    /**
     * The bundled orders: {@code shop/orders.csv}.
     *
     * @return the orders
     */
    public static List<Order> orders() {
        List<Order> orders = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                ShopExample.class.getResourceAsStream("/shop/orders.csv"), "shop/orders.csv"), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] c = line.split(",");
                orders.add(new Order(c[0], c[1], LocalDate.parse(c[2]), Money.of(c[3], "EUR")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return orders;
    }

    static void print(Result result, PrintStream out) {
        out.println("Shop example: " + result.purchases() + " orders logged as purchase activities of "
                + result.rfm().size() + " customers");
        out.println("Win-back offers (no purchase for " + WIN_BACK_AFTER.toDays() + " days): "
                + result.winBack().size() + " " + result.winBack());
        out.println("RFM segments on " + AS_OF + " and customer lifetime value (margin " + GROSS_MARGIN + "):");
        result.segments().forEach((name, v) -> out.printf(Locale.ROOT, "  %-12s %2d customers %12s revenue, "
                + "%d lapsed, CLV %s%n", name, v.customers(), v.revenue(), v.lapsed(),
                v.clv().valueIfDefined().map(Money::toString).orElse("undefined (none lapsed)")));
    }
}
