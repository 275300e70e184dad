package dev.rapport.crm.workflow;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The comparison operators of field conditions, with the symbol JSON uses and the value types
 * each applies to.
 *
 * <pre>{@code
 * Condition c = Conditions.field(EntityKind.ACCOUNT, "employees", Operator.GE, 500);
 * }</pre>
 */
public enum Operator {
    /** Equal. */
    EQ("=", scalars()),
    /** Not equal (false when the value is missing). */
    NE("!=", scalars()),
    /** Less than. */
    LT("<", ordered()),
    /** Less than or equal. */
    LE("<=", ordered()),
    /** Greater than. */
    GT(">", ordered()),
    /** Greater than or equal. */
    GE(">=", ordered()),
    /** Equal to one of a list. */
    IN("in", scalars()),
    /** The value is present. */
    EXISTS("exists", EnumSet.allOf(ValueType.class)),
    /** Text contains a substring, or tags contain a tag. */
    CONTAINS("contains", EnumSet.of(ValueType.TEXT, ValueType.TAGS)),
    /** Between two values, both inclusive. */
    BETWEEN("between", ordered()),
    /** Whole days since a date or instant, compared with a number. */
    DAYS_SINCE("days-since", EnumSet.of(ValueType.DATE, ValueType.TIMESTAMP)),
    /** The triggering change set the field, and it now equals the value. */
    CHANGED_TO("changed-to", scalars());

    private final String symbol;
    private final Set<ValueType> types;

    Operator(String symbol, Set<ValueType> types) {
        this.symbol = symbol;
        this.types = types;
    }

    private static Set<ValueType> scalars() {
        return EnumSet.of(ValueType.TEXT, ValueType.NUMBER, ValueType.DATE, ValueType.TIMESTAMP, ValueType.BOOLEAN,
                ValueType.CHOICE);
    }

    private static Set<ValueType> ordered() {
        return EnumSet.of(ValueType.NUMBER, ValueType.DATE, ValueType.TIMESTAMP);
    }

    /**
     * The symbol used in JSON.
     *
     * @return e.g. {@code ">="}
     */
    public String symbol() {
        return symbol;
    }

    /**
     * Whether the operator applies to a value type.
     *
     * @param type the type
     * @return true if it applies
     */
    public boolean appliesTo(ValueType type) {
        return types.contains(type);
    }

    /**
     * The operator with a JSON symbol.
     *
     * @param symbol e.g. {@code "between"}
     * @return the operator, if any
     */
    public static Optional<Operator> fromSymbol(String symbol) {
        for (Operator o : values()) {
            if (o.symbol.equals(symbol)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }
}
