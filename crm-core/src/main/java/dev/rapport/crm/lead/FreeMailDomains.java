package dev.rapport.crm.lead;

import dev.rapport.crm.party.EmailAddress;
import java.util.Set;

/**
 * The e-mail domains of free mail providers. An address at one of them says nothing about the
 * company a person works for, so lead conversion never takes such a domain as an account's
 * domain: it neither matches an existing account by it nor gives it to a new account. This is
 * the one place that list is kept.
 *
 * <p>The list: {@code gmail.com}, {@code googlemail.com}, {@code outlook.com}, {@code hotmail.com},
 * {@code live.com}, {@code msn.com}, {@code yahoo.com}, {@code ymail.com}, {@code aol.com},
 * {@code icloud.com}, {@code me.com}, {@code mac.com}, {@code proton.me}, {@code protonmail.com},
 * {@code gmx.de}, {@code gmx.net}, {@code gmx.com}, {@code web.de}, {@code t-online.de},
 * {@code mail.com}, {@code zoho.com}, {@code yandex.com}, {@code yandex.ru}, {@code mail.ru},
 * {@code qq.com}, {@code 163.com}. Subdomains do not count: {@code sales.gmail.com} is not on it.
 *
 * <pre>{@code
 * FreeMailDomains.isFreeMail("gmail.com");                           // true
 * FreeMailDomains.isFreeMail(EmailAddress.of("ada@acme.example"));   // false
 * }</pre>
 */
public final class FreeMailDomains {
    private static final Set<String> DOMAINS = Set.of(
            "gmail.com", "googlemail.com",
            "outlook.com", "hotmail.com", "live.com", "msn.com",
            "yahoo.com", "ymail.com", "aol.com",
            "icloud.com", "me.com", "mac.com",
            "proton.me", "protonmail.com",
            "gmx.de", "gmx.net", "gmx.com", "web.de", "t-online.de",
            "mail.com", "zoho.com", "yandex.com", "yandex.ru", "mail.ru", "qq.com", "163.com");

    private FreeMailDomains() {
    }

    /**
     * Whether a domain belongs to a free mail provider.
     *
     * @param domain a normalized (lower case) domain
     * @return true if it is on the list
     */
    public static boolean isFreeMail(String domain) {
        return DOMAINS.contains(domain);
    }

    /**
     * Whether an address is at a free mail provider.
     *
     * @param email the address
     * @return true if its domain is on the list
     */
    public static boolean isFreeMail(EmailAddress email) {
        return isFreeMail(email.domain());
    }

    /**
     * All domains on the list.
     *
     * @return the domains, unmodifiable
     */
    public static Set<String> all() {
        return DOMAINS;
    }
}
