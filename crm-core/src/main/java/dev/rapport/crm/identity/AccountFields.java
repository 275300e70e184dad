package dev.rapport.crm.identity;

import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.PostalAddress;
import dev.rapport.crm.revenue.Money;
import java.util.List;
import java.util.Set;

/**
 * The account fields survivorship rules decide on. External ids and contact roles are not among
 * them: a merge always keeps both records' ones.
 *
 * <pre>{@code
 * Survivorship.accountDefaults().with(AccountFields.NAME, SurvivorshipRule.newest());
 * }</pre>
 */
public final class AccountFields {
    /** The company name (never blank: a blank choice keeps the survivor's). */
    public static final MergeField<Account, String> NAME = new MergeField<>("name", Account::name,
            (a, v) -> v == null || v.isBlank() ? a : a.withName(v));
    /** The web domain. */
    public static final MergeField<Account, String> DOMAIN = new MergeField<>("domain", Account::domain,
            Account::withDomain);
    /** The industry. */
    public static final MergeField<Account, String> INDUSTRY = new MergeField<>("industry", Account::industry,
            (a, v) -> a.withFirmographics(v, a.employees(), a.annualRevenue()));
    /** The number of employees. */
    public static final MergeField<Account, Integer> EMPLOYEES = new MergeField<>("employees", Account::employees,
            (a, v) -> a.withFirmographics(a.industry(), v, a.annualRevenue()));
    /** The annual revenue. */
    public static final MergeField<Account, Money> ANNUAL_REVENUE = new MergeField<>("annualRevenue",
            Account::annualRevenue, (a, v) -> a.withFirmographics(a.industry(), a.employees(), v));
    /**
     * The parent account. A choice that would make a cycle (the survivor, the loser or one of their
     * subsidiaries) is replaced by the survivor's parent, else the loser's, else none.
     */
    public static final MergeField<Account, AccountId> PARENT = new MergeField<>("parentId", Account::parentId,
            Account::withParent);
    /** The owner. */
    public static final MergeField<Account, UserId> OWNER = new MergeField<>("ownerId", Account::ownerId,
            Account::withOwner);
    /** The postal address. */
    public static final MergeField<Account, PostalAddress> ADDRESS = new MergeField<>("address", Account::address,
            Account::withAddress);
    /** The tags. */
    public static final MergeField<Account, Set<String>> TAGS = new MergeField<>("tags", Account::tags,
            (a, v) -> a.withTags(v == null ? Set.of() : v));
    /** The custom field values. */
    public static final MergeField<Account, CustomFields> CUSTOM_FIELDS = new MergeField<>("customFields",
            Account::customFields, (a, v) -> a.withCustomFields(v == null ? CustomFields.empty() : v));

    private AccountFields() {
    }

    static List<MergeField<Account, ?>> all() {
        return List.of(NAME, DOMAIN, INDUSTRY, EMPLOYEES, ANNUAL_REVENUE, PARENT, OWNER, ADDRESS, TAGS, CUSTOM_FIELDS);
    }
}
