package dev.rapport.crm.identity;

import dev.rapport.crm.field.CustomFields;
import java.util.Collection;
import java.util.function.BinaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * How a merge picks one field's value from the survivor and the loser.
 *
 * <pre>{@code
 * Survivorship<Contact> rules = Survivorship.contactDefaults()
 *         .with(ContactFields.TITLE, SurvivorshipRule.newest())
 *         .with(ContactFields.OWNER, SurvivorshipRule.keepSurvivor())
 *         .with(ContactFields.LAST_NAME, SurvivorshipRule.of((keep, drop) -> keep != null ? keep : drop));
 * }</pre>
 *
 * @param <V> the field's value type
 */
@FunctionalInterface
public interface SurvivorshipRule<V> {

    /**
     * Picks the merged value.
     *
     * @param survivor the survivor's value, or null
     * @param loser the loser's value, or null
     * @param loserIsNewer whether the loser was changed more recently than the survivor
     * @return the merged value, or null
     */
    @Nullable V choose(@Nullable V survivor, @Nullable V loser, boolean loserIsNewer);

    /**
     * Keeps the survivor's value, blank or not.
     *
     * @param <V> the value type
     * @return the rule
     */
    static <V> SurvivorshipRule<V> keepSurvivor() {
        return (survivor, loser, loserIsNewer) -> survivor;
    }

    /**
     * Takes the value of the record changed most recently (the survivor's on a tie).
     *
     * @param <V> the value type
     * @return the rule
     */
    static <V> SurvivorshipRule<V> newest() {
        return (survivor, loser, loserIsNewer) -> loserIsNewer ? loser : survivor;
    }

    /**
     * Keeps the survivor's value unless it is blank (null, an empty text or collection, no custom
     * field values); then takes the loser's.
     *
     * @param <V> the value type
     * @return the rule
     */
    static <V> SurvivorshipRule<V> nonBlank() {
        return (survivor, loser, loserIsNewer) -> isBlank(survivor) ? loser : survivor;
    }

    /**
     * A function of the survivor's and the loser's values.
     *
     * @param function gets the survivor's and the loser's value (either may be null) and returns the merged one
     * @param <V> the value type
     * @return the rule
     */
    static <V> SurvivorshipRule<V> of(BinaryOperator<@Nullable V> function) {
        java.util.Objects.requireNonNull(function, "function");
        return (survivor, loser, loserIsNewer) -> function.apply(survivor, loser);
    }

    /**
     * Whether a value counts as blank.
     *
     * @param value the value
     * @return true for null, blank text, empty collections and empty custom fields
     */
    static boolean isBlank(@Nullable Object value) {
        return value == null
                || value instanceof String s && s.isBlank()
                || value instanceof Collection<?> c && c.isEmpty()
                || value instanceof CustomFields f && f.isEmpty();
    }
}
