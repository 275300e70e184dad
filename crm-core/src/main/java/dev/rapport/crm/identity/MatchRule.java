package dev.rapport.crm.identity;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.internal.Checks;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * One way two records can be the same customer. Rules are combined into {@link MatchRules}.
 * Each rule compares normalized values and yields a score in [0, 1]: 1 or 0 for the exact rules,
 * the similarity for {@link FuzzyName}. A rule for which one of the two records has no value is
 * <em>blank</em>; {@link BlankPolicy} says what that means.
 *
 * <pre>{@code
 * MatchRules rules = MatchRules.any(List.of(
 *         MatchRule.email().ignoringPlusAddressing(),
 *         MatchRule.phone(),
 *         MatchRule.externalId("sap")));
 * }</pre>
 */
public sealed interface MatchRule permits MatchRule.Email, MatchRule.Phone, MatchRule.Domain, MatchRule.FuzzyName,
        MatchRule.External {

    /**
     * The rule's name as reported in matches, e.g. {@code "email"}.
     *
     * @return the name
     */
    String name();

    /**
     * Same e-mail address (any of a contact's addresses), compared normalized: surrounding space
     * removed, Unicode NFC, lower case. Optionally ignoring plus-addressing, so that
     * {@code ada+news@acme.example} equals {@code ada@acme.example}. Accounts have no addresses:
     * the rule is blank for them.
     *
     * @return the rule, with plus-addressing significant
     */
    static Email email() {
        return new Email(false);
    }

    /**
     * Same phone number (any of a contact's numbers), compared in normalized (E.164) form. Blank
     * for accounts.
     *
     * @return the rule
     */
    static Phone phone() {
        return new Phone();
    }

    /**
     * Same company domain: an account's domain (normalized from its website); for a contact, its
     * account's domain and the domains of its e-mail addresses, free-mail domains
     * ({@link Domain#DEFAULT_FREE_MAIL}) left out.
     *
     * @return the rule with the default free-mail domains
     */
    static Domain domain() {
        return new Domain(Domain.DEFAULT_FREE_MAIL);
    }

    /**
     * Similar name: the {@link JaroWinkler} similarity of the normalized names (accents removed,
     * lower case, punctuation dropped; for accounts legal forms such as "GmbH" and "Ltd" left out;
     * for contacts the better of "first last" and "last first") is at least the threshold.
     * Contacts are compared only within the same account: for a contact without an account the
     * rule is blank, and contacts of different accounts do not match.
     *
     * @param threshold the least similarity that counts as a match, in (0, 1]
     * @return the rule
     * @throws CrmValidationException naming {@code threshold} if out of range
     */
    static FuzzyName fuzzyName(double threshold) {
        return new FuzzyName(threshold);
    }

    /**
     * Same id in another system (any system).
     *
     * @return the rule
     */
    static External externalId() {
        return new External(null);
    }

    /**
     * Same id in one other system.
     *
     * @param system the system name, in any case
     * @return the rule
     */
    static External externalId(String system) {
        return new External(system);
    }

    /**
     * The e-mail rule.
     *
     * <pre>{@code
     * MatchRule.Email rule = MatchRule.email().ignoringPlusAddressing();
     * }</pre>
     *
     * @param ignorePlusAddressing whether {@code local+tag@domain} counts as {@code local@domain}
     */
    record Email(boolean ignorePlusAddressing) implements MatchRule {
        /**
         * The same rule, ignoring plus-addressing.
         *
         * @return the rule
         */
        public Email ignoringPlusAddressing() {
            return new Email(true);
        }

        @Override
        public String name() {
            return "email";
        }
    }

    /**
     * The phone rule.
     *
     * <pre>{@code
     * MatchRule.Phone rule = MatchRule.phone();
     * }</pre>
     */
    record Phone() implements MatchRule {
        @Override
        public String name() {
            return "phone";
        }
    }

    /**
     * The company-domain rule.
     *
     * <pre>{@code
     * MatchRule.Domain rule = MatchRule.domain().withFreeMailDomains(Set.of("gmail.com", "example-mail.test"));
     * }</pre>
     *
     * @param freeMailDomains e-mail domains that say nothing about a company, normalized
     */
    record Domain(Set<String> freeMailDomains) implements MatchRule {
        /** Free-mail providers' domains: the list lead conversion uses too. */
        public static final Set<String> DEFAULT_FREE_MAIL = dev.rapport.crm.lead.FreeMailDomains.all();

        /**
         * Validates and normalizes the domains.
         *
         * @param freeMailDomains e-mail domains that say nothing about a company, normalized
         * @throws CrmValidationException naming {@code freeMailDomains} if one is blank
         */
        public Domain {
            Checks.notNull(freeMailDomains, "freeMailDomains");
            Set<String> normalized = new TreeSet<>();
            for (String d : freeMailDomains) {
                normalized.add(Checks.nonBlank(d, "freeMailDomains").toLowerCase(Locale.ROOT));
            }
            freeMailDomains = Set.copyOf(normalized);
        }

        /**
         * The same rule with other free-mail domains.
         *
         * @param domains the free-mail domains
         * @return the rule
         */
        public Domain withFreeMailDomains(Set<String> domains) {
            return new Domain(domains);
        }

        @Override
        public String name() {
            return "domain";
        }
    }

    /**
     * The fuzzy-name rule.
     *
     * <pre>{@code
     * MatchRule.FuzzyName rule = MatchRule.fuzzyName(0.92);
     * }</pre>
     *
     * @param threshold the least Jaro-Winkler similarity that counts as a match, in (0, 1]
     */
    record FuzzyName(double threshold) implements MatchRule {
        /**
         * Validates the threshold.
         *
         * @param threshold the least Jaro-Winkler similarity that counts as a match, in (0, 1]
         * @throws CrmValidationException naming {@code threshold} if out of range
         */
        public FuzzyName {
            if (!(threshold > 0 && threshold <= 1)) {
                throw new CrmValidationException("threshold", "must be greater than 0 and at most 1");
            }
        }

        @Override
        public String name() {
            return "fuzzyName";
        }
    }

    /**
     * The external-id rule.
     *
     * <pre>{@code
     * MatchRule.External rule = MatchRule.externalId("sap");
     * }</pre>
     *
     * @param system the only system compared, lower case, or null for any system
     */
    record External(@Nullable String system) implements MatchRule {
        /**
         * Normalizes the system name.
         *
         * @param system the only system compared, lower case, or null for any system
         * @throws CrmValidationException naming {@code system} if it is blank
         */
        public External {
            if (system != null) {
                system = Checks.nonBlank(system, "system").toLowerCase(Locale.ROOT);
            }
        }

        @Override
        public String name() {
            return system == null ? "externalId" : "externalId:" + system;
        }
    }
}
