package dev.rapport.crm.identity;

import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.field.FieldValue;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.PhoneNumber;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The survivorship rules of a merge: for each field, how the merged record's value is picked
 * from the survivor and the loser. Immutable; {@link #with} returns a changed copy.
 *
 * <p>The defaults keep the survivor's value unless it is blank ({@link SurvivorshipRule#nonBlank()}),
 * and take the union of phone numbers, tags and custom field values (the survivor's value where
 * both have one).
 *
 * <pre>{@code
 * Survivorship<Contact> rules = Survivorship.contactDefaults()
 *         .with(ContactFields.TITLE, SurvivorshipRule.newest());
 * crm.duplicates().mergeContacts(keep.id(), drop.id(), rules);
 * }</pre>
 *
 * @param <T> the record type ({@code Contact} or {@code Account})
 */
public final class Survivorship<T> {
    private final Map<MergeField<T, ?>, SurvivorshipRule<?>> rules;

    private Survivorship(Map<MergeField<T, ?>, SurvivorshipRule<?>> rules) {
        this.rules = rules;
    }

    /**
     * The default rules for contacts.
     *
     * @return the rules
     */
    public static Survivorship<Contact> contactDefaults() {
        Map<MergeField<Contact, ?>, SurvivorshipRule<?>> rules = new LinkedHashMap<>();
        for (MergeField<Contact, ?> field : ContactFields.all()) {
            rules.put(field, SurvivorshipRule.nonBlank());
        }
        rules.put(ContactFields.PHONES, SurvivorshipRule.<List<PhoneNumber>>of(Survivorship::unionList));
        rules.put(ContactFields.TAGS, SurvivorshipRule.<Set<String>>of(Survivorship::unionSet));
        rules.put(ContactFields.CUSTOM_FIELDS, SurvivorshipRule.<CustomFields>of(Survivorship::unionFields));
        return new Survivorship<>(rules);
    }

    /**
     * The default rules for accounts.
     *
     * @return the rules
     */
    public static Survivorship<Account> accountDefaults() {
        Map<MergeField<Account, ?>, SurvivorshipRule<?>> rules = new LinkedHashMap<>();
        for (MergeField<Account, ?> field : AccountFields.all()) {
            rules.put(field, SurvivorshipRule.nonBlank());
        }
        rules.put(AccountFields.TAGS, SurvivorshipRule.<Set<String>>of(Survivorship::unionSet));
        rules.put(AccountFields.CUSTOM_FIELDS, SurvivorshipRule.<CustomFields>of(Survivorship::unionFields));
        return new Survivorship<>(rules);
    }

    /**
     * A copy with the rule of one field replaced.
     *
     * @param field the field
     * @param rule the rule
     * @param <V> the field's value type
     * @return the copy
     */
    public <V> Survivorship<T> with(MergeField<T, V> field, SurvivorshipRule<V> rule) {
        Checks.notNull(field, "field");
        Checks.notNull(rule, "rule");
        Map<MergeField<T, ?>, SurvivorshipRule<?>> next = new LinkedHashMap<>(rules);
        next.put(field, rule);
        return new Survivorship<>(next);
    }

    /** The merged record: the survivor with each field's value picked by its rule. */
    T apply(T survivor, T loser, boolean loserIsNewer) {
        T merged = survivor;
        for (Map.Entry<MergeField<T, ?>, SurvivorshipRule<?>> e : rules.entrySet()) {
            merged = applyOne(e.getKey(), e.getValue(), merged, survivor, loser, loserIsNewer);
        }
        return merged;
    }

    @SuppressWarnings("unchecked")
    private static <T, V> T applyOne(MergeField<T, V> field, SurvivorshipRule<?> rule, T merged, T survivor, T loser,
            boolean loserIsNewer) {
        V value = ((SurvivorshipRule<V>) rule).choose(field.get(survivor), field.get(loser), loserIsNewer);
        return field.set(merged, value);
    }

    private static <E> List<E> unionList(@Nullable List<E> keep, @Nullable List<E> drop) {
        Set<E> all = new LinkedHashSet<>();
        if (keep != null) {
            all.addAll(keep);
        }
        if (drop != null) {
            all.addAll(drop);
        }
        return new ArrayList<>(all);
    }

    private static Set<String> unionSet(@Nullable Set<String> keep, @Nullable Set<String> drop) {
        Set<String> all = new TreeSet<>();
        if (keep != null) {
            all.addAll(keep);
        }
        if (drop != null) {
            all.addAll(drop);
        }
        return all;
    }

    private static CustomFields unionFields(@Nullable CustomFields keep, @Nullable CustomFields drop) {
        Map<String, FieldValue> all = new TreeMap<>();
        if (drop != null) {
            all.putAll(drop.asMap());
        }
        if (keep != null) {
            all.putAll(keep.asMap());
        }
        return CustomFields.of(all);
    }
}
