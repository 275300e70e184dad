package dev.rapport.crm.workflow;

import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.field.FieldDefinition;
import dev.rapport.crm.field.FieldType;
import dev.rapport.crm.field.FieldValue;
import dev.rapport.crm.lifecycle.JourneyStage;
import dev.rapport.crm.lifecycle.LifecycleStage;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadSource;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.revenue.BillingPeriod;
import dev.rapport.crm.revenue.Subscription;
import dev.rapport.crm.revenue.SubscriptionStatus;
import dev.rapport.crm.sales.Opportunity;
import dev.rapport.crm.sales.OpportunityStatus;
import dev.rapport.crm.activity.Channel;
import dev.rapport.crm.service.Ticket;
import dev.rapport.crm.service.TicketPriority;
import dev.rapport.crm.service.TicketStatus;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The fields conditions may name, per {@link EntityKind}, with their {@link ValueType types}:
 * the standard fields of each entity plus the custom fields the host declares. JSON conditions
 * are type-checked against a schema when they are loaded. Immutable.
 *
 * <pre>{@code
 * Schema schema = Schema.standard()
 *     .withCustomField(EntityKind.ACCOUNT, "renewal_date", FieldType.DATE)
 *     .withCustomField(EntityKind.CONTACT, "score", FieldType.NUMBER);
 * }</pre>
 *
 * <p>Custom fields are named {@code custom.<key>} in conditions and actions.
 */
public final class Schema {
    private static final Schema STANDARD = new Schema(standardFields());

    private final Map<EntityKind, Map<String, FieldSpec>> fields;

    private Schema(Map<EntityKind, Map<String, FieldSpec>> fields) {
        this.fields = fields;
    }

    /**
     * The standard fields of every entity kind, without custom fields.
     *
     * @return the schema
     */
    public static Schema standard() {
        return STANDARD;
    }

    /**
     * This schema plus a custom field, named {@code custom.<key>} in rules.
     *
     * @param kind the entity kind
     * @param key the custom field key
     * @param type its type
     * @return the new schema
     * @throws IllegalArgumentException if the key is blank
     */
    public Schema withCustomField(EntityKind kind, String key, FieldType type) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("custom field key must not be blank");
        }
        Map<EntityKind, Map<String, FieldSpec>> copy = new EnumMap<>(EntityKind.class);
        fields.forEach((k, v) -> copy.put(k, new TreeMap<>(v)));
        copy.get(kind).put("custom." + key, custom(kind, key, type, List.of()));
        return new Schema(freeze(copy));
    }

    /**
     * This schema plus the custom fields a tenant defined (with their options for choice fields),
     * e.g. from {@code crm.customFields().fields(EntityType.ACCOUNT)}.
     *
     * <pre>{@code
     * Schema schema = Schema.standard()
     *     .withCustomFields(EntityKind.ACCOUNT, crm.customFields().fields(EntityType.ACCOUNT));
     * }</pre>
     *
     * @param kind the entity kind
     * @param definitions the field definitions
     * @return the new schema
     */
    public Schema withCustomFields(EntityKind kind, List<FieldDefinition> definitions) {
        Objects.requireNonNull(kind, "kind");
        Map<EntityKind, Map<String, FieldSpec>> copy = new EnumMap<>(EntityKind.class);
        fields.forEach((k, v) -> copy.put(k, new TreeMap<>(v)));
        for (FieldDefinition d : definitions) {
            copy.get(kind).put("custom." + d.key(), custom(kind, d.key(), d.type(), d.options()));
        }
        return new Schema(freeze(copy));
    }

    /**
     * The paths of the fields of a kind, sorted.
     *
     * @param kind the kind
     * @return the paths
     */
    public Set<String> fieldNames(EntityKind kind) {
        return fields.get(kind).keySet();
    }

    /**
     * The type of a field.
     *
     * @param kind the kind
     * @param path the field path
     * @return the type, if the field exists
     */
    public Optional<ValueType> typeOf(EntityKind kind, String path) {
        return field(kind, path).map(FieldSpec::type);
    }

    Optional<FieldSpec> field(EntityKind kind, String path) {
        return Optional.ofNullable(fields.get(kind).get(path));
    }

    private static Map<EntityKind, Map<String, FieldSpec>> freeze(Map<EntityKind, Map<String, FieldSpec>> m) {
        Map<EntityKind, Map<String, FieldSpec>> out = new EnumMap<>(EntityKind.class);
        m.forEach((k, v) -> out.put(k, Collections.unmodifiableMap(new TreeMap<>(v))));
        return Collections.unmodifiableMap(out);
    }

    private static Map<EntityKind, Map<String, FieldSpec>> standardFields() {
        Map<EntityKind, Map<String, FieldSpec>> all = new EnumMap<>(EntityKind.class);
        Map<String, FieldSpec> c = new TreeMap<>();
        put(c, contact("firstName", ValueType.TEXT, Contact::firstName, "firstName"));
        put(c, contact("lastName", ValueType.TEXT, Contact::lastName, "lastName"));
        put(c, new FieldSpec("title", ValueType.TEXT, Set.of(), e -> ((Contact) e).title(), Set.of("title"),
                (e, v) -> ((Contact) e).withTitle((String) v)));
        put(c, contact("email", ValueType.TEXT, x -> x.primaryEmail().map(m -> m.value()).orElse(null), "emails"));
        put(c, contact("ownerId", ValueType.TEXT, x -> x.ownerId() == null ? null : x.ownerId().value(), "ownerId"));
        put(c, contact("accountId", ValueType.TEXT, x -> x.accountId() == null ? null : x.accountId().value(),
                "accountId"));
        put(c, new FieldSpec("lifecycleStage", ValueType.CHOICE, names(LifecycleStage.values()),
                e -> ((Contact) e).lifecycleStage().name(), Set.of("lifecycleStage"), null));
        put(c, new FieldSpec("journeyStage", ValueType.CHOICE, names(JourneyStage.values()),
                e -> ((Contact) e).journeyStage() == null ? null : ((Contact) e).journeyStage().name(),
                Set.of("journeyStage"), null));
        put(c, contact("tags", ValueType.TAGS, x -> x.tags().isEmpty() ? null : x.tags(), "tags"));
        put(c, contact("createdAt", ValueType.TIMESTAMP, Contact::createdAt, "createdAt"));
        put(c, contact("updatedAt", ValueType.TIMESTAMP, Contact::updatedAt, "updatedAt"));
        all.put(EntityKind.CONTACT, c);

        Map<String, FieldSpec> a = new TreeMap<>();
        put(a, account("name", ValueType.TEXT, Account::name, "name"));
        put(a, account("domain", ValueType.TEXT, Account::domain, "domain"));
        put(a, new FieldSpec("industry", ValueType.TEXT, Set.of(), e -> ((Account) e).industry(), Set.of("industry"),
                (e, v) -> {
                    Account x = (Account) e;
                    return x.withFirmographics((String) v, x.employees(), x.annualRevenue());
                }));
        put(a, account("employees", ValueType.NUMBER,
                x -> x.employees() == null ? null : BigDecimal.valueOf(x.employees()), "employees"));
        put(a, account("annualRevenue", ValueType.MONEY, Account::annualRevenue, "annualRevenue"));
        put(a, account("ownerId", ValueType.TEXT, x -> x.ownerId() == null ? null : x.ownerId().value(), "ownerId"));
        put(a, account("parentId", ValueType.TEXT, x -> x.parentId() == null ? null : x.parentId().value(),
                "parentId"));
        put(a, account("tags", ValueType.TAGS, x -> x.tags().isEmpty() ? null : x.tags(), "tags"));
        put(a, account("createdAt", ValueType.TIMESTAMP, Account::createdAt, "createdAt"));
        put(a, account("updatedAt", ValueType.TIMESTAMP, Account::updatedAt, "updatedAt"));
        all.put(EntityKind.ACCOUNT, a);

        Map<String, FieldSpec> l = new TreeMap<>();
        put(l, new FieldSpec("source", ValueType.CHOICE, names(LeadSource.values()),
                e -> ((Lead) e).source().name(), Set.of("source"), null));
        put(l, new FieldSpec("status", ValueType.CHOICE, names(LeadStatus.values()),
                e -> ((Lead) e).status().name(), Set.of("status"), null));
        put(l, lead("firstName", ValueType.TEXT, Lead::firstName, "firstName"));
        put(l, lead("lastName", ValueType.TEXT, Lead::lastName, "lastName"));
        put(l, lead("email", ValueType.TEXT, x -> x.email() == null ? null : x.email().value(), "email"));
        put(l, lead("company", ValueType.TEXT, Lead::company, "company"));
        put(l, lead("companyDomain", ValueType.TEXT, Lead::companyDomain, "companyDomain"));
        put(l, new FieldSpec("title", ValueType.TEXT, Set.of(), e -> ((Lead) e).title(), Set.of("title"),
                (e, v) -> ((Lead) e).withTitle((String) v)));
        put(l, lead("country", ValueType.TEXT, Lead::country, "country"));
        put(l, lead("score", ValueType.NUMBER, x -> BigDecimal.valueOf(x.score()), "score"));
        put(l, lead("ownerId", ValueType.TEXT, x -> x.ownerId() == null ? null : x.ownerId().value(), "ownerId"));
        put(l, lead("tags", ValueType.TAGS, x -> x.tags().isEmpty() ? null : x.tags(), "tags"));
        put(l, lead("createdAt", ValueType.TIMESTAMP, Lead::createdAt, "createdAt"));
        put(l, lead("updatedAt", ValueType.TIMESTAMP, Lead::updatedAt, "updatedAt"));
        all.put(EntityKind.LEAD, l);

        Map<String, FieldSpec> o = new TreeMap<>();
        put(o, opp("name", ValueType.TEXT, Opportunity::name, "name"));
        put(o, opp("accountId", ValueType.TEXT, x -> x.accountId() == null ? null : x.accountId().value(),
                "accountId"));
        put(o, opp("amount", ValueType.MONEY, Opportunity::amount, "amount"));
        put(o, opp("stage", ValueType.TEXT, Opportunity::stage, "stage"));
        put(o, opp("closeDate", ValueType.DATE, Opportunity::closeDate, "closeDate"));
        put(o, opp("ownerId", ValueType.TEXT, x -> x.ownerId() == null ? null : x.ownerId().value(), "ownerId"));
        put(o, new FieldSpec("status", ValueType.CHOICE, names(OpportunityStatus.values()),
                e -> ((Opportunity) e).status().name(), Set.of("status"), null));
        put(o, new FieldSpec("source", ValueType.CHOICE, names(LeadSource.values()),
                e -> ((Opportunity) e).source() == null ? null : ((Opportunity) e).source().name(), Set.of("source"),
                null));
        put(o, opp("tags", ValueType.TAGS, x -> x.tags().isEmpty() ? null : x.tags(), "tags"));
        put(o, opp("closedAt", ValueType.TIMESTAMP, Opportunity::closedAt, "closedAt"));
        put(o, opp("createdAt", ValueType.TIMESTAMP, Opportunity::createdAt, "createdAt"));
        put(o, opp("updatedAt", ValueType.TIMESTAMP, Opportunity::updatedAt, "updatedAt"));
        all.put(EntityKind.OPPORTUNITY, o);

        Map<String, FieldSpec> t = new TreeMap<>();
        put(t, ticket("subject", ValueType.TEXT, Ticket::subject, "subject"));
        put(t, new FieldSpec("priority", ValueType.CHOICE, names(TicketPriority.values()),
                e -> ((Ticket) e).priority().name(), Set.of("priority"), null));
        put(t, new FieldSpec("status", ValueType.CHOICE, names(TicketStatus.values()),
                e -> ((Ticket) e).status().name(), Set.of("status"), null));
        put(t, new FieldSpec("channel", ValueType.CHOICE, names(Channel.values()),
                e -> ((Ticket) e).channel().name(), Set.of("channel"), null));
        put(t, ticket("assigneeId", ValueType.TEXT, x -> x.assigneeId() == null ? null : x.assigneeId().value(),
                "assigneeId"));
        put(t, ticket("contactId", ValueType.TEXT, x -> x.contactId() == null ? null : x.contactId().value(),
                "contactId"));
        put(t, ticket("accountId", ValueType.TEXT, x -> x.accountId() == null ? null : x.accountId().value(),
                "accountId"));
        put(t, ticket("createdAt", ValueType.TIMESTAMP, Ticket::createdAt, "createdAt"));
        put(t, ticket("updatedAt", ValueType.TIMESTAMP, Ticket::updatedAt, "updatedAt"));
        put(t, ticket("resolvedAt", ValueType.TIMESTAMP, Ticket::resolvedAt, "resolvedAt"));
        all.put(EntityKind.TICKET, t);

        Map<String, FieldSpec> u = new TreeMap<>();
        put(u, sub("accountId", ValueType.TEXT, x -> x.accountId().value(), "accountId"));
        put(u, sub("contactId", ValueType.TEXT, x -> x.contactId() == null ? null : x.contactId().value(),
                "contactId"));
        put(u, sub("plan", ValueType.TEXT, Subscription::plan, "plan"));
        put(u, sub("mrr", ValueType.MONEY, Subscription::mrr, "mrr"));
        put(u, new FieldSpec("billingPeriod", ValueType.CHOICE, names(BillingPeriod.values()),
                e -> ((Subscription) e).billingPeriod().name(), Set.of("billingPeriod"), null));
        put(u, sub("startDate", ValueType.DATE, Subscription::startDate, "startDate"));
        put(u, sub("renewalDate", ValueType.DATE, Subscription::renewalDate, "renewalDate"));
        put(u, sub("endDate", ValueType.DATE, Subscription::endDate, "endDate"));
        put(u, new FieldSpec("status", ValueType.CHOICE, names(SubscriptionStatus.values()),
                e -> ((Subscription) e).status().name(), Set.of("status"), null));
        put(u, sub("createdAt", ValueType.TIMESTAMP, Subscription::createdAt, "createdAt"));
        put(u, sub("updatedAt", ValueType.TIMESTAMP, Subscription::updatedAt, "updatedAt"));
        all.put(EntityKind.SUBSCRIPTION, u);
        return freeze(all);
    }

    private static void put(Map<String, FieldSpec> m, FieldSpec f) {
        m.put(f.path(), f);
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static FieldSpec contact(String path, ValueType type, Function<Contact, @Nullable Object> read,
            String component) {
        return new FieldSpec(path, type, Set.of(), e -> read.apply((Contact) e), Set.of(component), null);
    }

    private static FieldSpec lead(String path, ValueType type, Function<Lead, @Nullable Object> read,
            String component) {
        return new FieldSpec(path, type, Set.of(), e -> read.apply((Lead) e), Set.of(component), null);
    }

    private static FieldSpec ticket(String path, ValueType type, Function<Ticket, @Nullable Object> read,
            String component) {
        return new FieldSpec(path, type, Set.of(), e -> read.apply((Ticket) e), Set.of(component), null);
    }

    private static FieldSpec opp(String path, ValueType type, Function<Opportunity, @Nullable Object> read,
            String component) {
        return new FieldSpec(path, type, Set.of(), e -> read.apply((Opportunity) e), Set.of(component), null);
    }

    private static FieldSpec sub(String path, ValueType type, Function<Subscription, @Nullable Object> read,
            String component) {
        return new FieldSpec(path, type, Set.of(), e -> read.apply((Subscription) e), Set.of(component), null);
    }

    private static FieldSpec account(String path, ValueType type, Function<Account, @Nullable Object> read,
            String component) {
        return new FieldSpec(path, type, Set.of(), e -> read.apply((Account) e), Set.of(component), null);
    }

    static ValueType valueType(FieldType type) {
        return switch (type) {
            case TEXT -> ValueType.TEXT;
            case NUMBER, DECIMAL -> ValueType.NUMBER;
            case DATE -> ValueType.DATE;
            case BOOLEAN -> ValueType.BOOLEAN;
            case ENUM -> ValueType.CHOICE;
            case MONEY -> ValueType.MONEY;
        };
    }

    static @Nullable Object canonical(@Nullable FieldValue v) {
        if (v == null) {
            return null;
        }
        if (v instanceof FieldValue.Text t) {
            return t.value();
        } else if (v instanceof FieldValue.Number n) {
            return BigDecimal.valueOf(n.value());
        } else if (v instanceof FieldValue.Decimal d) {
            return d.value();
        } else if (v instanceof FieldValue.Date d) {
            return d.value();
        } else if (v instanceof FieldValue.Bool b) {
            return b.value();
        } else if (v instanceof FieldValue.Choice c) {
            return c.option();
        } else if (v instanceof FieldValue.MoneyValue m) {
            return m.value();
        }
        return null;
    }

    static FieldValue toFieldValue(FieldType type, Object canonical) {
        return switch (type) {
            case TEXT -> FieldValue.text((String) canonical);
            case NUMBER -> FieldValue.number(((BigDecimal) canonical).longValueExact());
            case DECIMAL -> FieldValue.decimal((BigDecimal) canonical);
            case DATE -> FieldValue.date((java.time.LocalDate) canonical);
            case BOOLEAN -> FieldValue.bool((Boolean) canonical);
            case ENUM -> FieldValue.choice((String) canonical);
            case MONEY -> FieldValue.money((dev.rapport.crm.revenue.Money) canonical);
        };
    }

    private static FieldSpec custom(EntityKind kind, String key, FieldType type, List<String> options) {
        BiFunction<Object, @Nullable Object, Object> writer = (e, v) -> {
            CustomFields now = customFieldsOf(e);
            CustomFields next = v == null ? now.without(key) : now.with(key, toFieldValue(type, v));
            return withCustomFields(e, next);
        };
        return new FieldSpec("custom." + key, valueType(type), Set.copyOf(options),
                // Read from the map: conditions and the rule index read custom fields for every
                // event, and get(key) made an Optional each time.
                e -> canonical(customFieldsOf(e).asMap().get(key)), Set.of("customFields"), writer);
    }

    private static CustomFields customFieldsOf(Object e) {
        if (e instanceof Contact c) {
            return c.customFields();
        } else if (e instanceof Account a) {
            return a.customFields();
        } else if (e instanceof Opportunity o) {
            return o.customFields();
        } else if (e instanceof Lead l) {
            return l.customFields();
        }
        return ((Subscription) e).customFields();
    }

    private static Object withCustomFields(Object e, CustomFields f) {
        if (e instanceof Contact c) {
            return c.withCustomFields(f);
        } else if (e instanceof Account a) {
            return a.withCustomFields(f);
        } else if (e instanceof Opportunity o) {
            return o.withCustomFields(f);
        } else if (e instanceof Lead l) {
            return l.withCustomFields(f);
        }
        return ((Subscription) e).withCustomFields(f);
    }

    static List<EntityKind> kinds() {
        return List.of(EntityKind.values());
    }
}
