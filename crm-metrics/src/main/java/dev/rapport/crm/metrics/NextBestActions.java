package dev.rapport.crm.metrics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Next-best-action lists: per owner, what to do now, ranked, each item with its typed
 * {@link ActionReason}. Four kinds of items are gathered:
 *
 * <ul>
 *   <li>{@link ActionType#RENEWAL_DUE}: renewals from overdue up to {@code horizonDays} ahead;</li>
 *   <li>{@link ActionType#AT_RISK_CUSTOMER}: customers whose {@link HealthModel} score puts them
 *       at {@link ChurnRisk#HIGH} risk;</li>
 *   <li>{@link ActionType#STALLED_DEAL}: open deals in their stage for more than a factor times
 *       the median, found by {@link SalesMetrics#stalledDeals};</li>
 *   <li>{@link ActionType#HOT_LEAD}: leads a {@link LeadScoringModel} gives at least a minimum
 *       probability of being won.</li>
 * </ul>
 *
 * <p>"Today" is read once from the injected {@link Clock}, in the given zone, when the builder is
 * made; every item is judged on that day.
 *
 * <p><b>Ranking</b>, deterministic and the same for every owner: first by type, in the order set
 * with {@link Builder#order(List)} (by default the declaration order of {@link ActionType}:
 * renewals, at-risk customers, stalled deals, hot leads); then within a type by urgency:
 * renewals by fewest days left (overdue first), then by the larger amount; at-risk customers by
 * the lower health score; stalled deals by the longer overrun past the median; hot leads by the
 * higher probability; last, by the subject's id. Ranks start at 1 for each owner.
 *
 * <pre>{@code
 * NextBestActions actions = NextBestActions.builder(clock, ZoneId.of("Europe/Paris"))
 *     .renewals(renewals, 60, Conversion.strict("EUR"))
 *     .atRisk(health, customers, c -> ownerOfAccount.get(c.customerId()))
 *     .stalledDeals(typicalDaysInStage, new BigDecimal("1.5"), openDeals)
 *     .hotLeads(leadModel, new BigDecimal("0.7"), openLeads)
 *     .build();
 * List<NextBestAction> todo = actions.forOwner("ada");
 * }</pre>
 */
public final class NextBestActions {

    private final LocalDate asOf;
    private final Map<String, List<NextBestAction>> byOwner;

    private NextBestActions(LocalDate asOf, Map<String, List<NextBestAction>> byOwner) {
        this.asOf = asOf;
        this.byOwner = byOwner;
    }

    /**
     * A builder judging every item on today's date by the clock, in a zone.
     *
     * @param clock the clock
     * @param zone the zone whose date is "today"
     * @return the builder
     */
    public static Builder builder(Clock clock, ZoneId zone) {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(zone, "zone");
        return new Builder(LocalDate.ofInstant(clock.instant(), zone));
    }

    /**
     * The day the items were judged on.
     *
     * @return today, by the builder's clock
     */
    public LocalDate asOf() {
        return asOf;
    }

    /**
     * One owner's list, ranked.
     *
     * @param ownerId the owner
     * @return the list; empty when the owner has nothing to do
     */
    public List<NextBestAction> forOwner(String ownerId) {
        return byOwner.getOrDefault(Objects.requireNonNull(ownerId, "ownerId"), List.of());
    }

    /**
     * Every owner's list, owners in id order.
     *
     * @return the lists by owner
     */
    public Map<String, List<NextBestAction>> byOwner() {
        return byOwner;
    }

    /** Gathers the items, then ranks them per owner. Not thread-safe. */
    public static final class Builder {
        private final LocalDate today;
        private final List<Item> items = new ArrayList<>();
        private List<ActionType> order = List.of(ActionType.values());

        private Builder(LocalDate today) {
            this.today = today;
        }

        /**
         * Sets the order of the types in the ranking.
         *
         * @param types every {@link ActionType} once, first ranked first
         * @return this builder
         * @throws dev.rapport.crm.CrmValidationException on {@code "order"} unless every type is
         *     listed exactly once
         */
        public Builder order(List<ActionType> types) {
            Inputs.present(types, "order");
            Inputs.check(types.size() == ActionType.values().length && types.stream().allMatch(Objects::nonNull)
                    && EnumSet.copyOf(types).size() == types.size(), "order", "must list every action type once");
            this.order = List.copyOf(types);
            return this;
        }

        /**
         * Adds the renewals from overdue to {@code horizonDays} ahead of today.
         *
         * @param renewals the open renewals (pass only those not renewed yet)
         * @param horizonDays how many days ahead to look, not negative
         * @param conversion the currency the amounts are reported (and compared) in
         * @return this builder
         * @throws dev.rapport.crm.CrmValidationException on {@code "horizonDays"} when negative
         */
        public Builder renewals(Iterable<Renewal> renewals, long horizonDays, Conversion conversion) {
            Inputs.present(renewals, "renewals");
            Inputs.check(horizonDays >= 0, "horizonDays", "must not be negative");
            Inputs.present(conversion, "conversion");
            List<Item> found = new ArrayList<>();
            for (Renewal r : renewals) {
                long daysLeft = ChronoUnit.DAYS.between(today, r.renewsOn());
                if (daysLeft <= horizonDays) {
                    found.add(new Item(r.ownerId(), r.id(), new ActionReason.RenewalDue(r.renewsOn(), daysLeft,
                            conversion.toReporting(r.amount()), horizonDays)));
                }
            }
            items.addAll(found);
            return this;
        }

        /**
         * Adds the customers the health model puts at high churn risk.
         *
         * @param model the health model
         * @param customers the customers' signals
         * @param ownerOf the owner of a customer; must not return null or blank
         * @return this builder
         * @throws dev.rapport.crm.CrmValidationException on {@code "owner"} when a customer at risk
         *     has no owner
         */
        public Builder atRisk(HealthModel model, Iterable<HealthSignals> customers,
                Function<? super HealthSignals, String> ownerOf) {
            Inputs.present(model, "model");
            Inputs.present(customers, "customers");
            Inputs.present(ownerOf, "ownerOf");
            List<Item> found = new ArrayList<>();
            for (HealthSignals c : customers) {
                HealthScore score = model.score(c);
                if (score.risk() == ChurnRisk.HIGH) {
                    found.add(new Item(Inputs.id(ownerOf.apply(c), "owner"), c.customerId(),
                            new ActionReason.AtRisk(score, model.atRiskBelow())));
                }
            }
            items.addAll(found);
            return this;
        }

        /**
         * Adds the stalled open deals, as {@link SalesMetrics#stalledDeals} finds them on today's
         * date.
         *
         * @param typical the time in stage learned from history ({@link SalesMetrics#daysInStage()})
         * @param factor how many times the median counts as stalled, above 0
         * @param deals the deals (closed ones are skipped)
         * @return this builder
         * @throws dev.rapport.crm.CrmValidationException on {@code "factor"} when not above 0
         */
        public Builder stalledDeals(Map<String, Stats> typical, BigDecimal factor, Iterable<Deal> deals) {
            Inputs.present(deals, "deals");
            List<StalledDeal> stalled = SalesMetrics.stalledDeals(typical, today, factor).withoutIds().of(deals);
            for (StalledDeal s : stalled) {
                items.add(new Item(s.ownerId(), s.dealId(), new ActionReason.Stalled(s, factor)));
            }
            return this;
        }

        /**
         * Adds the leads the model scores at or above a probability of being won. Leads the model
         * cannot score (no won or no lost example yet) are not added.
         *
         * @param model the lead-scoring model
         * @param minProbability the lowest probability counted as hot, in [0, 1]
         * @param leads the open leads
         * @return this builder
         * @throws dev.rapport.crm.CrmValidationException on {@code "minProbability"} when outside
         *     [0, 1]
         */
        public Builder hotLeads(LeadScoringModel model, BigDecimal minProbability, Iterable<OpenLead> leads) {
            Inputs.present(model, "model");
            Inputs.fraction(minProbability, "minProbability");
            Inputs.present(leads, "leads");
            List<Item> found = new ArrayList<>();
            for (OpenLead lead : leads) {
                LeadScore score = model.score(lead.fields());
                BigDecimal p = score.probability();
                if (p != null && p.compareTo(minProbability) >= 0) {
                    found.add(new Item(lead.ownerId(), lead.id(), new ActionReason.HotLead(score, minProbability)));
                }
            }
            items.addAll(found);
            return this;
        }

        /**
         * Ranks the items per owner.
         *
         * @return the lists
         */
        public NextBestActions build() {
            Comparator<Item> ranking = Comparator.comparingInt((Item i) -> order.indexOf(i.reason.type()))
                    .thenComparing(Builder::withinType)
                    .thenComparing(i -> i.subjectId);
            Map<String, List<Item>> grouped = new TreeMap<>();
            for (Item item : items) {
                grouped.computeIfAbsent(item.ownerId, o -> new ArrayList<>()).add(item);
            }
            Map<String, List<NextBestAction>> out = new LinkedHashMap<>();
            grouped.forEach((owner, list) -> {
                list.sort(ranking);
                List<NextBestAction> ranked = new ArrayList<>(list.size());
                for (int i = 0; i < list.size(); i++) {
                    Item it = list.get(i);
                    ranked.add(new NextBestAction(owner, i + 1, it.reason.type(), it.subjectId, it.reason));
                }
                out.put(owner, List.copyOf(ranked));
            });
            return new NextBestActions(today, Collections.unmodifiableMap(out));
        }

        /** Urgency within one type; items of different types never reach here with a tie. */
        private static int withinType(Item a, Item b) {
            ActionReason x = a.reason;
            ActionReason y = b.reason;
            if (x instanceof ActionReason.RenewalDue r && y instanceof ActionReason.RenewalDue s) {
                int days = Long.compare(r.daysLeft(), s.daysLeft());
                return days != 0 ? days : s.amount().amount().compareTo(r.amount().amount());
            }
            if (x instanceof ActionReason.AtRisk r && y instanceof ActionReason.AtRisk s) {
                return Objects.requireNonNull(r.health().score()).compareTo(Objects.requireNonNull(s.health().score()));
            }
            if (x instanceof ActionReason.Stalled r && y instanceof ActionReason.Stalled s) {
                return s.overrunDays().compareTo(r.overrunDays());
            }
            if (x instanceof ActionReason.HotLead r && y instanceof ActionReason.HotLead s) {
                return Objects.requireNonNull(s.score().probability())
                        .compareTo(Objects.requireNonNull(r.score().probability()));
            }
            return 0;
        }
    }

    /** One gathered item before ranking. */
    private static final class Item {
        final String ownerId;
        final String subjectId;
        final ActionReason reason;

        Item(String ownerId, String subjectId, ActionReason reason) {
            this.ownerId = ownerId;
            this.subjectId = subjectId;
            this.reason = reason;
        }
    }
}
