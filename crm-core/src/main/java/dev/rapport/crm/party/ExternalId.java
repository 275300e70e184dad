package dev.rapport.crm.party;

import dev.rapport.crm.internal.Checks;
import java.util.Locale;

/**
 * The id a record has in another system (an ERP, a shop, a billing system). The system name is
 * normalized to lower case; the id is kept as given, only trimmed, because other systems'
 * ids are often case-sensitive.
 *
 * <pre>{@code
 * ExternalId sap = ExternalId.of("SAP", "0000471100");
 * sap.system();   // "sap"
 * }</pre>
 *
 * @param system the other system's name, lower case
 * @param id the id in that system
 */
public record ExternalId(String system, String id) {
    /**
     * Validates and normalizes the pair.
     *
     * @param system the other system's name, lower case
     * @param id the id in that system
     * @throws dev.rapport.crm.CrmValidationException naming {@code externalId.system} or
     *     {@code externalId.id} if one is blank or longer than 100 / 200 characters
     */
    public ExternalId {
        system = Checks.maxLength(Checks.nonBlank(system, "externalId.system"), 100, "externalId.system")
                .toLowerCase(Locale.ROOT);
        id = Checks.maxLength(Checks.nonBlank(id, "externalId.id"), 200, "externalId.id");
    }

    /**
     * A pair.
     *
     * @param system the other system's name
     * @param id the id in that system
     * @return the external id
     * @throws dev.rapport.crm.CrmValidationException if a part is blank or too long
     */
    public static ExternalId of(String system, String id) {
        return new ExternalId(system, id);
    }

    @Override
    public String toString() {
        return system + ":" + id;
    }
}
