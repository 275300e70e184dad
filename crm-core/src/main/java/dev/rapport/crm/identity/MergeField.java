package dev.rapport.crm.identity;

import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One field of a record that survivorship rules decide on in a merge. The fields are constants
 * of {@link ContactFields} and {@link AccountFields}.
 *
 * <pre>{@code
 * Survivorship.contactDefaults().with(ContactFields.TITLE, SurvivorshipRule.newest());
 * }</pre>
 *
 * @param <T> the record type
 * @param <V> the field's value type
 */
public final class MergeField<T, V> {
    private final String name;
    private final Function<T, @Nullable V> getter;
    private final BiFunction<T, @Nullable V, T> setter;

    MergeField(String name, Function<T, @Nullable V> getter, BiFunction<T, @Nullable V, T> setter) {
        this.name = name;
        this.getter = getter;
        this.setter = setter;
    }

    /**
     * The field's name, as it appears in a {@link MergeRecord}'s changed fields.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    @Nullable V get(T record) {
        return getter.apply(record);
    }

    T set(T record, @Nullable V value) {
        return setter.apply(record, value);
    }

    @Override
    public String toString() {
        return name;
    }
}
