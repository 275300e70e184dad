package dev.rapport.crm.examples.erp;

import dev.rapport.crm.Crm;
import dev.rapport.crm.activity.NewTask;
import dev.rapport.crm.activity.Task;
import dev.rapport.crm.directory.InMemoryDirectory;
import dev.rapport.crm.directory.User;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.examples.SimulatedClock;
import dev.rapport.crm.metrics.Conversion;
import dev.rapport.crm.metrics.CustomerMrr;
import dev.rapport.crm.metrics.Period;
import dev.rapport.crm.metrics.PeriodUnit;
import dev.rapport.crm.metrics.Ratio;
import dev.rapport.crm.metrics.RevenueMetrics;
import dev.rapport.crm.metrics.SubscriptionMrr;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.revenue.BillingPeriod;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.revenue.NewSubscription;
import dev.rapport.crm.revenue.Subscription;
import dev.rapport.crm.revenue.SubscriptionId;
import dev.rapport.crm.revenue.SubscriptionStatus;
import dev.rapport.crm.workflow.Action;
import dev.rapport.crm.workflow.Actions;
import dev.rapport.crm.workflow.Conditions;
import dev.rapport.crm.workflow.Enrollment;
import dev.rapport.crm.workflow.EntityKind;
import dev.rapport.crm.workflow.Rule;
import dev.rapport.crm.workflow.RuleSet;
import dev.rapport.crm.workflow.Triggers;
import dev.rapport.crm.workflow.WorkflowEngine;
import java.io.PrintStream;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Embedding Rapport in an ERP system: the ERP's customers are an account hierarchy (groups with
 * their subsidiaries), its service contracts are subscriptions, a workflow rule with a date-offset
 * trigger creates a renewal task for the key account manager 60 days before each renewal date of an active contract,
 * and the year's net and gross revenue retention (NRR, GRR) are reported per quarter for the
 * customer groups.
 *
 * <p>The contracts and their amendments are the ERP's (synthetic) records, replayed day by day on
 * a simulated clock through 2025.
 */
public final class ErpExample {
    /** The first day replayed. */
    public static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);
    /** The last day replayed. */
    public static final LocalDate LAST_DAY = LocalDate.of(2025, 12, 31);
    /** Days before the renewal date that the renewal task is created. */
    public static final int RENEWAL_NOTICE_DAYS = 60;

    private static final Conversion EUR = Conversion.strict("EUR");

    private ErpExample() {
    }

    /**
     * A customer of the ERP.
     *
     * @param number the ERP's customer number
     * @param name the company name
     * @param parent the customer number of its parent company, or null for a group's top
     * @param manager the key account manager, a user id
     */
    public record Customer(String number, String name, String parent, String manager) {
    }

    /**
     * A service contract: a yearly subscription.
     *
     * @param number the ERP's contract number
     * @param customer the customer number
     * @param plan the service plan
     * @param monthly the monthly fee in EUR
     * @param start the day it started
     */
    public record Contract(String number, String customer, String plan, String monthly, LocalDate start) {
        /**
         * The first renewal date: a year after the start, and every year after that.
         *
         * @return the day
         */
        public LocalDate firstRenewal() {
            return start.plusYears(1);
        }
    }

    /**
     * An amendment of a contract in 2025: a new monthly fee, or a cancellation (monthly null).
     *
     * @param contract the contract number
     * @param effective the day it takes effect
     * @param monthly the new monthly fee in EUR, or null for a cancellation
     */
    public record Amendment(String contract, LocalDate effective, String monthly) {
    }

    /** The ERP's customers: two groups with subsidiaries and a single company. */
    public static final List<Customer> CUSTOMERS = List.of(
            new Customer("K-100", "Nordwind Holding", null, "anna"),
            new Customer("K-101", "Nordwind Logistik", "K-100", "anna"),
            new Customer("K-102", "Nordwind Retail", "K-100", "anna"),
            new Customer("K-200", "Suedhafen AG", null, "ben"),
            new Customer("K-201", "Suedhafen Energie", "K-200", "ben"),
            new Customer("K-300", "Ostwerk GmbH", null, "ben"));

    /** The contracts running at the start of 2025 or starting during it. */
    public static final List<Contract> CONTRACTS = List.of(
            new Contract("V-1", "K-100", "Finance suite", "4000.00", LocalDate.of(2024, 2, 15)),
            new Contract("V-2", "K-101", "Fleet tracking", "1500.00", LocalDate.of(2024, 5, 1)),
            new Contract("V-3", "K-102", "Point of sale", "2500.00", LocalDate.of(2024, 9, 10)),
            new Contract("V-4", "K-200", "Finance suite", "3000.00", LocalDate.of(2024, 3, 20)),
            new Contract("V-5", "K-201", "Grid analytics", "2000.00", LocalDate.of(2024, 7, 1)),
            new Contract("V-6", "K-300", "Finance suite", "1000.00", LocalDate.of(2024, 11, 5)),
            new Contract("V-7", "K-102", "Loyalty", "800.00", LocalDate.of(2025, 6, 2)));

    /** What changed during 2025: expansions, a contraction and a cancellation. */
    public static final List<Amendment> AMENDMENTS = List.of(
            new Amendment("V-2", LocalDate.of(2025, 2, 3), "1800.00"),    // more vehicles
            new Amendment("V-4", LocalDate.of(2025, 4, 14), "2400.00"),   // fewer seats
            new Amendment("V-6", LocalDate.of(2025, 8, 18), null),        // cancelled
            new Amendment("V-5", LocalDate.of(2025, 10, 6), "2600.00"),   // a second grid region
            new Amendment("V-3", LocalDate.of(2025, 11, 20), "2000.00")); // fewer stores

    /**
     * A renewal task the rule created.
     *
     * @param contract the contract number
     * @param customer the customer number the task is about
     * @param assignee the user it is for
     * @param createdOn the day it was created
     * @param dueOn the renewal date
     */
    public record RenewalTask(String contract, String customer, String assignee, LocalDate createdOn, LocalDate dueOn) {
    }

    /**
     * A quarter's retention over the customer groups.
     *
     * @param nrr net revenue retention
     * @param grr gross revenue retention
     */
    public record Retention(Ratio nrr, Ratio grr) {
    }

    /**
     * What the run produced.
     *
     * @param tasks the renewal tasks, in the order they were created
     * @param retention NRR and GRR per quarter
     * @param groupOf each customer number's group (its top parent's customer number)
     */
    public record Result(List<RenewalTask> tasks, Map<Period, Retention> retention, Map<String, String> groupOf) {
    }

    /**
     * Runs the example and prints what it did.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        print(run(), System.out);
    }

    /**
     * The renewal rule: 60 days before a subscription's renewal date, a task for the key account
     * manager of its account, due on the renewal date. Re-enrolling, so next year's renewal gets
     * its task too.
     *
     * @return the rule
     */
    public static Rule renewalRule() {
        // tag::renewal-rule[]
        Action createRenewalTask = Actions.of("create renewal task", context -> {
            Crm crm = context.crm();
            Subscription contract = crm.subscriptions().get((SubscriptionId) context.subject().orElseThrow());
            Account account = crm.accounts().get(contract.accountId());
            Task task = crm.tasks().create(NewTask.titled("Prepare the renewal of " + contract.plan())
                    .account(account.id()).assignee(account.ownerId()).dueOn(contract.renewalDate()));
            return "created " + task.id().value();
        });
        return Rule.named("renewal-task").on(EntityKind.SUBSCRIPTION).enrollment(Enrollment.RE_ENROLL)
                .when(Triggers.dateOffset("renewalDate", -RENEWAL_NOTICE_DAYS, LocalTime.of(9, 0), ZoneOffset.UTC))
                .ifCondition(Conditions.test("is active", context -> context.subscription()
                        .map(s -> s.status() == SubscriptionStatus.ACTIVE).orElse(false)))
                .then(createRenewalTask)
                .build();
        // end::renewal-rule[]
    }

    /**
     * Replays 2025: the customers and contracts are created on its first day, the amendments
     * applied on their days, contracts not cancelled renewed on their renewal dates.
     *
     * @return what happened
     */
    public static Result run() {
        SimulatedClock clock = new SimulatedClock(FIRST_DAY.atTime(8, 0).toInstant(ZoneOffset.UTC));
        InMemoryDirectory directory = new InMemoryDirectory();
        directory.addUser(User.of(UserId.of("anna")));
        directory.addUser(User.of(UserId.of("ben")));
        Crm crm = Crm.builder().clock(clock).directory(directory).build();
        WorkflowEngine engine = WorkflowEngine.builder(crm).rules(RuleSet.of(List.of(renewalRule()))).build();

        Map<String, AccountId> accounts = new LinkedHashMap<>();
        Map<AccountId, String> numbers = new LinkedHashMap<>();
        for (Customer c : CUSTOMERS) {
            NewAccount account = NewAccount.named(c.name()).owner(UserId.of(c.manager()));
            if (c.parent() != null) {
                account = account.parent(accounts.get(c.parent()));
            }
            AccountId id = crm.accounts().create(account).id();
            accounts.put(c.number(), id);
            numbers.put(id, c.number());
        }
        Map<String, SubscriptionId> contracts = new LinkedHashMap<>();
        Map<SubscriptionId, String> contractNumbers = new LinkedHashMap<>();
        List<Contract> pending = new ArrayList<>();
        for (Contract c : CONTRACTS) {
            if (c.start().isAfter(FIRST_DAY)) {
                pending.add(c);
            } else {
                start(crm, c, accounts, contracts, contractNumbers);
            }
        }

        for (LocalDate day = FIRST_DAY; !day.isAfter(LAST_DAY); day = day.plusDays(1)) {
            clock.moveTo(day.atTime(8, 0).toInstant(ZoneOffset.UTC));
            for (Contract c : List.copyOf(pending)) {
                if (c.start().equals(day)) {
                    start(crm, c, accounts, contracts, contractNumbers);
                    pending.remove(c);
                }
            }
            for (Amendment a : AMENDMENTS) {
                if (a.effective().equals(day)) {
                    SubscriptionId id = contracts.get(a.contract());
                    if (a.monthly() == null) {
                        crm.subscriptions().cancel(id, "not renewed by the customer", day);
                    } else {
                        crm.subscriptions().changeMrr(id, Money.of(a.monthly(), "EUR"), day);
                    }
                }
            }
            for (SubscriptionId id : contracts.values()) {
                Subscription s = crm.subscriptions().get(id);
                if (s.status() == SubscriptionStatus.ACTIVE && s.renewalDate().equals(day)) {
                    crm.subscriptions().renew(id);
                }
            }
            clock.moveTo(day.atTime(9, 0).toInstant(ZoneOffset.UTC));
            engine.tick();
        }
        engine.close();

        List<RenewalTask> tasks = new ArrayList<>();
        for (AccountId account : numbers.keySet()) {
            for (Task t : crm.tasks().tasksOf(account)) {
                String plan = t.title().substring("Prepare the renewal of ".length());
                String contract = CONTRACTS.stream().filter(c -> accounts.get(c.customer()).equals(account)
                        && c.plan().equals(plan)).findFirst().orElseThrow().number();
                tasks.add(new RenewalTask(contract, numbers.get(account), t.assigneeId().value(),
                        LocalDate.ofInstant(t.createdAt(), ZoneOffset.UTC), t.dueOn()));
            }
        }
        tasks.sort(Comparator.comparing(RenewalTask::createdOn).thenComparing(RenewalTask::contract));

        Map<String, String> groupOf = new TreeMap<>();
        for (Customer c : CUSTOMERS) {
            groupOf.put(c.number(), numbers.get(topOf(crm, accounts.get(c.number()))));
        }
        List<SubscriptionMrr> byGroup = new ArrayList<>();
        for (SubscriptionId id : contracts.values()) {
            SubscriptionMrr history = SubscriptionMrr.of(crm.subscriptions().get(id));
            byGroup.add(new SubscriptionMrr(history.subscriptionId(),
                    groupOf.get(numbers.get(AccountId.of(history.customerId()))), history.history()));
        }
        Map<Period, Retention> retention = new TreeMap<>();
        for (int quarter = 0; quarter < 4; quarter++) {
            Period period = Period.of(PeriodUnit.QUARTER, FIRST_DAY.plusMonths(3L * quarter));
            List<CustomerMrr> groups = RevenueMetrics.customerMrr(period, EUR).of(byGroup);
            retention.put(period, new Retention(RevenueMetrics.netRevenueRetention(EUR).of(groups),
                    RevenueMetrics.grossRevenueRetention(EUR).of(groups)));
        }
        return new Result(tasks, retention, groupOf);
    }

    private static void start(Crm crm, Contract c, Map<String, AccountId> accounts,
            Map<String, SubscriptionId> contracts, Map<SubscriptionId, String> numbers) {
        SubscriptionId id = crm.subscriptions().start(NewSubscription.of(accounts.get(c.customer()), c.plan(),
                Money.of(c.monthly(), "EUR")).billing(BillingPeriod.ANNUAL).startingOn(c.start())
                .renewingOn(c.firstRenewal())).id();
        contracts.put(c.number(), id);
        numbers.put(id, c.number());
    }

    /** The top of an account's hierarchy. */
    static AccountId topOf(Crm crm, AccountId id) {
        Account account = crm.accounts().get(id);
        return account.parentId() == null ? id : topOf(crm, account.parentId());
    }

    static void print(Result result, PrintStream out) {
        out.println("ERP example: " + CUSTOMERS.size() + " customers in " + result.groupOf().values().stream()
                .distinct().count() + " groups, " + CONTRACTS.size() + " contracts, " + AMENDMENTS.size()
                + " amendments in 2025");
        out.println("Renewal tasks (" + RENEWAL_NOTICE_DAYS + " days before the renewal date):");
        result.tasks().forEach(t -> out.println("  " + t.createdOn() + "  " + t.contract() + " of " + t.customer()
                + " for " + t.assignee() + ", due " + t.dueOn()));
        out.println("Revenue retention of the customer groups:");
        result.retention().forEach((quarter, r) -> out.printf(Locale.ROOT, "  %s  NRR %s  GRR %s%n", quarter,
                percent(r.nrr()), percent(r.grr())));
    }

    static String percent(Ratio ratio) {
        return ratio.valueIfDefined().map(v -> v.movePointRight(2).setScale(1, RoundingMode.HALF_EVEN) + "%")
                .orElse("n/a");
    }
}
