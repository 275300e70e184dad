package dev.rapport.crm.io;

/**
 * How an import recognizes that a row is a record already stored (so it updates it instead of
 * creating a duplicate), and how it resolves a row's references to other records.
 *
 * <pre>{@code
 * ImportMapping.create().matchBy(MatchKey.DOMAIN);          // accounts by web domain
 * ImportMapping.create().referencesBy(MatchKey.EXTERNAL_ID); // "account" column holds ERP numbers
 * }</pre>
 */
public enum MatchKey {
    /** The other system's key, in the {@code externalId} field; works for every kind of record. */
    EXTERNAL_ID,
    /** The e-mail address (contacts and leads). */
    EMAIL,
    /** The company name, ignoring case and spacing (accounts). */
    NAME,
    /** The web domain (accounts). */
    DOMAIN
}
