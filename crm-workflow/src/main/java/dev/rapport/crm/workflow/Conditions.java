package dev.rapport.crm.workflow;

import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.Contact;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Builds {@link Condition conditions}: Java predicates over the typed {@link RuleContext},
 * type-checked field comparisons (the same objects JSON conditions load into), and
 * {@code all}/{@code any}/{@code not}.
 *
 * <pre>{@code
 * Condition lapsed = Conditions.all(
 *     Conditions.field(EntityKind.CONTACT, "lifecycleStage", Operator.EQ, "CUSTOMER"),
 *     Conditions.not(Conditions.field(EntityKind.CONTACT, "tags", Operator.CONTAINS, "no-offers")));
 * }</pre>
 *
 * <p>Missing values: every comparison with a missing value is false ({@code !=} included);
 * {@code exists} tests presence; {@code not} inverts.
 */
public final class Conditions {
    private static final Condition ALWAYS = new Leaf("always", ctx -> true);

    private Conditions() {
    }

    /**
     * The condition that always holds.
     *
     * @return the condition
     */
    public static Condition always() {
        return ALWAYS;
    }

    /**
     * A Java predicate over the rule context.
     *
     * @param name a description for traces
     * @param predicate the predicate
     * @return the condition
     */
    public static Condition test(String name, Predicate<RuleContext> predicate) {
        return new Leaf(Objects.requireNonNull(name, "name"), Objects.requireNonNull(predicate, "predicate"));
    }

    /**
     * A Java predicate over the subject contact; false when the subject is not an existing contact.
     *
     * @param name a description for traces
     * @param predicate the predicate
     * @return the condition
     */
    public static Condition contact(String name, Predicate<Contact> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return test(name, ctx -> ctx.contact().map(predicate::test).orElse(false));
    }

    /**
     * A Java predicate over the subject account; false when the subject is not an existing account.
     *
     * @param name a description for traces
     * @param predicate the predicate
     * @return the condition
     */
    public static Condition account(String name, Predicate<Account> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return test(name, ctx -> ctx.account().map(predicate::test).orElse(false));
    }

    /**
     * Holds when every part holds (and for no parts).
     *
     * @param parts the parts
     * @return the condition
     */
    public static Condition all(Condition... parts) {
        return new Group(true, List.of(parts));
    }

    /**
     * Holds when every part holds.
     *
     * @param parts the parts
     * @return the condition
     */
    public static Condition all(List<Condition> parts) {
        return new Group(true, List.copyOf(parts));
    }

    /**
     * Holds when some part holds (never for no parts).
     *
     * @param parts the parts
     * @return the condition
     */
    public static Condition any(Condition... parts) {
        return new Group(false, List.of(parts));
    }

    /**
     * Holds when some part holds.
     *
     * @param parts the parts
     * @return the condition
     */
    public static Condition any(List<Condition> parts) {
        return new Group(false, List.copyOf(parts));
    }

    /**
     * Holds when the part does not.
     *
     * @param part the part
     * @return the condition
     */
    public static Condition not(Condition part) {
        return new Not(Objects.requireNonNull(part, "part"));
    }

    /**
     * A comparison of a standard field, checked against {@link Schema#standard()} now.
     *
     * @param kind the entity kind
     * @param path the field path, e.g. {@code lifecycleStage}
     * @param op the operator
     * @param value the literal: for {@code in} a collection, for {@code between} a two-element
     *     list, for {@code days-since} a number of days (at least), for {@code exists} null
     * @return the condition
     * @throws RuleDefinitionException if the field is unknown, the operator does not apply to its
     *     type or the literal has the wrong type
     */
    public static Condition field(EntityKind kind, String path, Operator op, @Nullable Object value) {
        return field(Schema.standard(), kind, path, op, value);
    }

    /**
     * A comparison of a field of a schema (custom fields included), checked now.
     *
     * @param schema the schema
     * @param kind the entity kind
     * @param path the field path, e.g. {@code custom.renewal_date}
     * @param op the operator
     * @param value the literal (see {@link #field(EntityKind, String, Operator, Object)})
     * @return the condition
     * @throws RuleDefinitionException if the field is unknown, the operator does not apply to its
     *     type or the literal has the wrong type
     */
    public static Condition field(Schema schema, EntityKind kind, String path, Operator op, @Nullable Object value) {
        return compare(schema, kind, path, op, value, Operator.GE, "");
    }

    static Condition compare(Schema schema, EntityKind kind, String path, Operator op, @Nullable Object value,
            Operator daysCmp, String pointer) {
        FieldSpec spec = schema.field(kind, path).orElseThrow(() -> new RuleDefinitionException(pointer + "/field",
                "unknown field '" + path + "' on " + kind.jsonName() + " (known: " + schema.fieldNames(kind) + ")"));
        if (!op.appliesTo(spec.type())) {
            throw new RuleDefinitionException(pointer + "/op", "operator '" + op.symbol() + "' does not apply to "
                    + spec.type() + " field '" + path + "'");
        }
        String vp = pointer + "/value";
        Object literal;
        switch (op) {
            case EXISTS -> {
                if (value != null) {
                    throw new RuleDefinitionException(vp, "'exists' takes no value");
                }
                literal = null;
            }
            case IN -> {
                if (!(value instanceof Collection<?> list) || list.isEmpty()) {
                    throw new RuleDefinitionException(vp, "'in' needs a non-empty list");
                }
                List<Object> values = new ArrayList<>();
                int i = 0;
                for (Object o : list) {
                    values.add(coerce(spec, o, vp + "/" + i++));
                }
                literal = List.copyOf(values);
            }
            case BETWEEN -> {
                if (!(value instanceof List<?> list) || list.size() != 2) {
                    throw new RuleDefinitionException(vp, "'between' needs a list of two values [low, high]");
                }
                literal = List.of(coerce(spec, list.get(0), vp + "/0"), coerce(spec, list.get(1), vp + "/1"));
            }
            case DAYS_SINCE -> {
                if (!(value instanceof Number n)) {
                    throw new RuleDefinitionException(vp, "'days-since' needs a number of days");
                }
                literal = new BigDecimal(n.toString());
            }
            default -> literal = coerce(spec, value, vp);
        }
        return new FieldCondition(kind, spec, op, literal, daysCmp);
    }

    static Object coerce(FieldSpec spec, @Nullable Object raw, String pointer) {
        if (raw == null) {
            throw new RuleDefinitionException(pointer, "a value is required for field '" + spec.path() + "'");
        }
        switch (spec.type()) {
            case TEXT, TAGS -> {
                if (raw instanceof String s) {
                    return s;
                }
                throw new RuleDefinitionException(pointer, "expected text for field '" + spec.path() + "'");
            }
            case NUMBER -> {
                if (raw instanceof Number n) {
                    return new BigDecimal(n.toString());
                }
                throw new RuleDefinitionException(pointer, "expected a number for field '" + spec.path() + "'");
            }
            case BOOLEAN -> {
                if (raw instanceof Boolean b) {
                    return b;
                }
                throw new RuleDefinitionException(pointer, "expected true or false for field '" + spec.path() + "'");
            }
            case DATE -> {
                if (raw instanceof LocalDate d) {
                    return d;
                }
                if (raw instanceof String s) {
                    try {
                        return LocalDate.parse(s);
                    } catch (DateTimeParseException e) {
                        // fall through to the error
                    }
                }
                throw new RuleDefinitionException(pointer, "expected a date (yyyy-mm-dd) for field '"
                        + spec.path() + "'");
            }
            case TIMESTAMP -> {
                if (raw instanceof Instant i) {
                    return i;
                }
                if (raw instanceof LocalDate d) {
                    return d.atStartOfDay(ZoneOffset.UTC).toInstant();
                }
                if (raw instanceof String s) {
                    try {
                        return s.length() == 10 ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant()
                                : Instant.parse(s);
                    } catch (DateTimeParseException e) {
                        // fall through to the error
                    }
                }
                throw new RuleDefinitionException(pointer, "expected an instant (ISO-8601) or a date (yyyy-mm-dd)"
                        + " for field '" + spec.path() + "'");
            }
            case CHOICE -> {
                String s = raw instanceof Enum<?> e ? e.name() : raw instanceof String t ? t : null;
                if (s == null) {
                    throw new RuleDefinitionException(pointer, "expected an option name for field '"
                            + spec.path() + "'");
                }
                if (!spec.options().isEmpty() && !spec.options().contains(s)) {
                    throw new RuleDefinitionException(pointer, "not an option of field '" + spec.path()
                            + "' (options: " + spec.options() + ")");
                }
                return s;
            }
            default -> throw new RuleDefinitionException(pointer, "field '" + spec.path() + "' of type "
                    + spec.type() + " cannot be compared");
        }
    }

    /** True for the condition {@link #always()}. */
    static boolean isAlways(Condition c) {
        return c == ALWAYS;
    }

    static final class Leaf implements Condition {
        private final String name;
        private final Predicate<RuleContext> predicate;

        Leaf(String name, Predicate<RuleContext> predicate) {
            this.name = name;
            this.predicate = predicate;
        }

        @Override
        public Evaluation evaluate(RuleContext context) {
            return Evaluation.leaf(name, predicate.test(context));
        }

        @Override
        public String describe() {
            return name;
        }
    }

    static final class Group implements Condition {
        final boolean all;
        final List<Condition> parts;
        /** The description, made on first use (a condition never changes; a race makes it twice). */
        private @Nullable String description;

        Group(boolean all, List<Condition> parts) {
            this.all = all;
            this.parts = parts;
        }

        @Override
        public Evaluation evaluate(RuleContext context) {
            // Every part is evaluated (no short cut) so the trace shows each part's result.
            List<Evaluation> results = new ArrayList<>(parts.size());
            boolean value = all;
            for (Condition c : parts) {
                Evaluation e = c.evaluate(context);
                results.add(e);
                value = all ? value && e.result() : value || e.result();
            }
            return new Evaluation(describe(), value, results);
        }

        @Override
        public String describe() {
            String d = description;
            if (d == null) {
                d = (all ? "all" : "any") + parts.stream().map(Condition::describe)
                        .collect(Collectors.joining(", ", "(", ")"));
                description = d;
            }
            return d;
        }
    }

    static final class Not implements Condition {
        final Condition part;
        private @Nullable String description;

        Not(Condition part) {
            this.part = part;
        }

        @Override
        public Evaluation evaluate(RuleContext context) {
            Evaluation e = part.evaluate(context);
            return new Evaluation(describe(), !e.result(), List.of(e));
        }

        @Override
        public String describe() {
            String d = description;
            if (d == null) {
                d = "not(" + part.describe() + ")";
                description = d;
            }
            return d;
        }
    }

    static final class FieldCondition implements Condition {
        final EntityKind kind;
        final FieldSpec spec;
        final Operator op;
        final @Nullable Object literal;
        private final Operator daysCmp;
        private @Nullable String description;

        FieldCondition(EntityKind kind, FieldSpec spec, Operator op, @Nullable Object literal, Operator daysCmp) {
            this.kind = kind;
            this.spec = spec;
            this.op = op;
            this.literal = literal;
            this.daysCmp = daysCmp;
        }

        @Override
        public Evaluation evaluate(RuleContext context) {
            Facts facts = context.facts();
            Object value;
            boolean changed;
            if (facts != null) {
                value = context.kind() == kind ? facts.value(spec.path()) : null;
                changed = op == Operator.CHANGED_TO && changed(facts);
            } else {
                Object entity = context.kind() == kind ? context.entity() : null;
                value = entity == null ? null : spec.read(entity);
                changed = op == Operator.CHANGED_TO && changed(context);
            }
            return Evaluation.leaf(describe(), holds(value, context.now(), changed));
        }

        /**
         * The comparison on a value (null when missing); {@code changed} says whether the
         * triggering change set the field (only {@code changed-to} asks).
         */
        boolean holds(@Nullable Object value, @Nullable Instant now, boolean changed) {
            if (op == Operator.EXISTS) {
                return value != null;
            }
            if (value == null) {
                return false;
            }
            Object lit = Objects.requireNonNull(literal);
            return switch (op) {
                case EQ -> same(value, lit);
                case NE -> !same(value, lit);
                case LT -> compare(value, lit) < 0;
                case LE -> compare(value, lit) <= 0;
                case GT -> compare(value, lit) > 0;
                case GE -> compare(value, lit) >= 0;
                case IN -> in(value, (List<?>) lit);
                case CONTAINS -> value instanceof Set<?> set ? set.contains(lit)
                        : ((String) value).contains((String) lit);
                case BETWEEN -> compare(value, ((List<?>) lit).get(0)) >= 0
                        && compare(value, ((List<?>) lit).get(1)) <= 0;
                case DAYS_SINCE -> daysSince(value, Objects.requireNonNull(now,
                        "the time is needed for days-since"), (BigDecimal) lit);
                case CHANGED_TO -> changed && same(value, lit);
                case EXISTS -> true;
            };
        }

        private static boolean in(Object value, List<?> list) {
            for (Object o : list) {
                if (same(value, o)) {
                    return true;
                }
            }
            return false;
        }

        boolean changed(Facts facts) {
            Set<String> changed = facts.changed();
            return changed == null || changed.contains(spec.path());
        }

        private boolean changed(RuleContext context) {
            Set<String> changed = context.changedComponents();
            return changed == null || spec.components().stream().anyMatch(changed::contains);
        }

        private boolean daysSince(Object value, Instant now, BigDecimal days) {
            long since = value instanceof LocalDate d
                    ? ChronoUnit.DAYS.between(d, LocalDate.ofInstant(now, ZoneOffset.UTC))
                    : Duration.between((Instant) value, now).toDays();
            int c = BigDecimal.valueOf(since).compareTo(days);
            return switch (daysCmp) {
                case EQ -> c == 0;
                case NE -> c != 0;
                case LT -> c < 0;
                case LE -> c <= 0;
                case GT -> c > 0;
                default -> c >= 0;
            };
        }

        static boolean same(Object a, Object b) {
            if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
                return x.compareTo(y) == 0;
            }
            return a.equals(b);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        static int compare(Object a, Object b) {
            return ((Comparable) a).compareTo(b);
        }

        @Override
        public String describe() {
            String d = description;
            if (d == null) {
                String tail = switch (op) {
                    case EXISTS -> "";
                    case DAYS_SINCE -> " " + daysCmp.symbol() + " " + literal;
                    default -> " " + literal;
                };
                d = spec.path() + " " + op.symbol() + tail;
                description = d;
            }
            return d;
        }
    }
}
