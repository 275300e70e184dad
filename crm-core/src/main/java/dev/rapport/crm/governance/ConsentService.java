package dev.rapport.crm.governance;

import dev.rapport.crm.CrmNotFoundException;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.event.ConsentChanged;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.internal.ServiceContext;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.spi.StoreTransaction;
import java.util.List;
import java.util.Optional;

/**
 * Consent of contacts per purpose and channel: record decisions (with their source, time and
 * actor, kept in a full history) and ask whether a use is allowed now.
 *
 * <pre>{@code
 * ConsentService consents = crm.privacy().consents();
 * consents.grant(ada.id(), ConsentPurpose.MARKETING, ConsentChannel.EMAIL, "web-form");
 * if (consents.check(ada.id(), ConsentPurpose.MARKETING, ConsentChannel.EMAIL).allowed()) {
 *     mailer.send(newsletter);
 * }
 * }</pre>
 */
public final class ConsentService {
    private final ServiceContext context;

    /**
     * Creates the service. Hosts get it from {@code crm.privacy().consents()}.
     *
     * @param context the service context
     */
    public ConsentService(ServiceContext context) {
        this.context = context;
    }

    /**
     * Records a consent decision: it becomes the current one for its purpose and channel, and is
     * added to the history.
     *
     * @param contactId the contact
     * @param purpose the purpose
     * @param channel the channel
     * @param status granted, denied or withdrawn
     * @param source where the decision came from, e.g. {@code "web-form"}
     * @return the stored consent record
     * @throws CrmNotFoundException if the contact does not exist
     * @throws CrmValidationException naming the field if a part is missing, the source is blank, or
     *     {@code status} if a consent is withdrawn that is not granted
     */
    public Consent record(ContactId contactId, ConsentPurpose purpose, ConsentChannel channel, ConsentStatus status,
            String source) {
        Checks.notNull(contactId, "contactId");
        Checks.notNull(purpose, "purpose");
        Checks.notNull(channel, "channel");
        Checks.notNull(status, "status");
        String from = Checks.nonBlank(source, "source");
        return context.write(uow -> {
            requireContact(uow.tx(), contactId);
            Optional<Consent> stored = uow.tx().consents().find(ConsentId.of(contactId.value()));
            Consent current = stored.orElseGet(() -> Consent.empty(uow.tenant(), contactId, uow.now()));
            if (status == ConsentStatus.WITHDRAWN && current.current(purpose, channel)
                    .map(e -> e.status() != ConsentStatus.GRANTED).orElse(true)) {
                throw new CrmValidationException("status", "can only withdraw a granted consent");
            }
            Consent next = current.with(new ConsentEntry(purpose, channel, status, from, uow.now(), uow.actor()));
            if (stored.isPresent()) {
                next = next.withVersion(current.version() + 1);
                uow.tx().consents().update(next);
            } else {
                uow.tx().consents().insert(next);
            }
            uow.emit(new ConsentChanged(uow.meta(), contactId, purpose, channel, status));
            return next;
        });
    }

    /**
     * Records that a contact granted consent.
     *
     * @param contactId the contact
     * @param purpose the purpose
     * @param channel the channel
     * @param source where the decision came from, e.g. {@code "web-form"}
     * @return the stored consent record
     * @throws CrmNotFoundException if the contact does not exist
     * @throws CrmValidationException naming the field if a part is missing or the source blank
     */
    public Consent grant(ContactId contactId, ConsentPurpose purpose, ConsentChannel channel, String source) {
        return record(contactId, purpose, channel, ConsentStatus.GRANTED, source);
    }

    /**
     * Records that a contact withdrew a granted consent.
     *
     * @param contactId the contact
     * @param purpose the purpose
     * @param channel the channel
     * @param source where the withdrawal came from, e.g. {@code "unsubscribe-link"}
     * @return the stored consent record
     * @throws CrmNotFoundException if the contact does not exist
     * @throws CrmValidationException naming {@code status} if the consent is not granted, or the
     *     field if a part is missing or the source blank
     */
    public Consent withdraw(ContactId contactId, ConsentPurpose purpose, ConsentChannel channel, String source) {
        return record(contactId, purpose, channel, ConsentStatus.WITHDRAWN, source);
    }

    /**
     * May this contact's data be used for a purpose on a channel now? Only a current grant allows
     * it; the answer says which decision decided it, or that none was ever recorded.
     *
     * @param contactId the contact
     * @param purpose the purpose
     * @param channel the channel
     * @return the decision
     * @throws CrmNotFoundException if the contact does not exist
     */
    public ConsentDecision check(ContactId contactId, ConsentPurpose purpose, ConsentChannel channel) {
        Checks.notNull(contactId, "contactId");
        Checks.notNull(purpose, "purpose");
        Checks.notNull(channel, "channel");
        return context.read(tx -> {
            requireContact(tx, contactId);
            Optional<ConsentEntry> entry = tx.consents().find(ConsentId.of(contactId.value()))
                    .flatMap(c -> c.current(purpose, channel));
            if (entry.isEmpty()) {
                return new ConsentDecision.NotAsked(purpose, channel);
            }
            return entry.get().status() == ConsentStatus.GRANTED ? new ConsentDecision.Granted(entry.get())
                    : new ConsentDecision.Refused(entry.get());
        });
    }

    /**
     * A contact's consent record.
     *
     * @param contactId the contact
     * @return the record, or empty if no decision was ever recorded
     */
    public Optional<Consent> find(ContactId contactId) {
        Checks.notNull(contactId, "contactId");
        return context.read(tx -> tx.consents().find(ConsentId.of(contactId.value())));
    }

    /**
     * Every decision recorded for a contact's purpose and channel, oldest first.
     *
     * @param contactId the contact
     * @param purpose the purpose
     * @param channel the channel
     * @return the decisions; empty if none
     */
    public List<ConsentEntry> history(ContactId contactId, ConsentPurpose purpose, ConsentChannel channel) {
        Checks.notNull(purpose, "purpose");
        Checks.notNull(channel, "channel");
        return find(contactId).map(c -> c.history(purpose, channel)).orElse(List.of());
    }

    private static void requireContact(StoreTransaction tx, ContactId contactId) {
        if (tx.contacts().find(contactId).isEmpty()) {
            throw new CrmNotFoundException("Contact", contactId.value());
        }
    }
}
