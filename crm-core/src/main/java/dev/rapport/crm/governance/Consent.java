package dev.rapport.crm.governance;

import dev.rapport.crm.Aggregate;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.party.ContactId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A contact's consents: the current decision per purpose and channel, and every decision ever
 * recorded, oldest first. One per contact; its id is the contact's id.
 *
 * <pre>{@code
 * Consent consent = crm.privacy().consents().grant(ada.id(), ConsentPurpose.MARKETING,
 *         ConsentChannel.EMAIL, "web-form");
 * consent.current(ConsentPurpose.MARKETING, ConsentChannel.EMAIL);   // Optional[GRANTED ...]
 * consent.history().size();                                          // 1
 * }</pre>
 *
 * @param id the id (the contact's id)
 * @param tenantId the tenant
 * @param version the version, 1 when created
 * @param contactId the contact
 * @param entries the current decision per purpose and channel, ordered by purpose then channel
 * @param history every decision recorded, oldest first
 * @param createdAt when the first decision was recorded
 * @param updatedAt when the last decision was recorded
 */
public record Consent(ConsentId id, TenantId tenantId, long version, ContactId contactId, List<ConsentEntry> entries,
        List<ConsentEntry> history, Instant createdAt, Instant updatedAt) implements Aggregate<ConsentId> {
    private static final Comparator<ConsentEntry> ORDER = Comparator.comparing(ConsentEntry::purpose)
            .thenComparing(ConsentEntry::channel);

    /**
     * Validates the consent record.
     *
     * @param id the id (the contact's id)
     * @param tenantId the tenant
     * @param version the version, 1 when created
     * @param contactId the contact
     * @param entries the current decision per purpose and channel, ordered by purpose then channel
     * @param history every decision recorded, oldest first
     * @param createdAt when the first decision was recorded
     * @param updatedAt when the last decision was recorded
     * @throws CrmValidationException naming the field if a part is missing, the id is not the
     *     contact's, or a purpose and channel has two current entries
     */
    public Consent {
        Checks.notNull(id, "id");
        Checks.notNull(tenantId, "tenantId");
        Checks.version(version);
        Checks.notNull(contactId, "contactId");
        if (!id.value().equals(contactId.value())) {
            throw new CrmValidationException("id", "must be the contact's id");
        }
        entries = new ArrayList<>(Checks.list(entries, "entries"));
        entries.sort(ORDER);
        entries = List.copyOf(entries);
        Set<String> keys = new HashSet<>();
        for (ConsentEntry e : entries) {
            if (!keys.add(e.purpose() + "/" + e.channel())) {
                throw new CrmValidationException("entries", "has two current entries for one purpose and channel");
            }
        }
        history = Checks.list(history, "history");
        Checks.notNull(createdAt, "createdAt");
        Checks.notNull(updatedAt, "updatedAt");
        if (updatedAt.isBefore(createdAt)) {
            throw new CrmValidationException("updatedAt", "must not be before createdAt");
        }
    }

    /**
     * An empty consent record of a contact, before its first decision.
     *
     * @param tenant the tenant
     * @param contactId the contact
     * @param at now
     * @return the record, at version 1
     */
    static Consent empty(TenantId tenant, ContactId contactId, Instant at) {
        return new Consent(ConsentId.of(contactId.value()), tenant, 1, contactId, List.of(), List.of(), at, at);
    }

    /**
     * The current decision for a purpose and channel.
     *
     * @param purpose the purpose
     * @param channel the channel
     * @return the decision, or empty if none was ever recorded
     */
    public Optional<ConsentEntry> current(ConsentPurpose purpose, ConsentChannel channel) {
        return entries.stream().filter(e -> e.isFor(purpose, channel)).findFirst();
    }

    /**
     * Every decision recorded for a purpose and channel, oldest first.
     *
     * @param purpose the purpose
     * @param channel the channel
     * @return the decisions
     */
    public List<ConsentEntry> history(ConsentPurpose purpose, ConsentChannel channel) {
        return history.stream().filter(e -> e.isFor(purpose, channel)).toList();
    }

    /**
     * A copy with a decision recorded: it becomes current for its purpose and channel and is
     * appended to the history.
     *
     * @param entry the decision
     * @return the copy (same version; the service stores it at the next)
     */
    public Consent with(ConsentEntry entry) {
        List<ConsentEntry> next = new ArrayList<>(entries);
        next.removeIf(e -> e.isFor(entry.purpose(), entry.channel()));
        next.add(entry);
        List<ConsentEntry> all = new ArrayList<>(history);
        all.add(entry);
        return new Consent(id, tenantId, version, contactId, next, all, createdAt, entry.at());
    }

    /**
     * A copy with another version.
     *
     * @param next the version
     * @return the copy
     */
    public Consent withVersion(long next) {
        return new Consent(id, tenantId, next, contactId, entries, history, createdAt, updatedAt);
    }
}
