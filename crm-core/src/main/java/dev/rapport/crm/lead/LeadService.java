package dev.rapport.crm.lead;

import dev.rapport.crm.CrmConflictException;
import dev.rapport.crm.CrmNotFoundException;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.Page;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.event.LeadCaptured;
import dev.rapport.crm.event.LeadConverted;
import dev.rapport.crm.event.LeadDisqualified;
import dev.rapport.crm.event.LeadQualified;
import dev.rapport.crm.event.LeadUpdated;
import dev.rapport.crm.field.EntityType;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.internal.CustomFieldValidation;
import dev.rapport.crm.internal.Diff;
import dev.rapport.crm.internal.Owners;
import dev.rapport.crm.internal.ServiceContext;
import dev.rapport.crm.internal.UnitOfWork;
import dev.rapport.crm.lifecycle.LifecycleStage;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.AccountService;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.ContactRole;
import dev.rapport.crm.party.ContactService;
import dev.rapport.crm.party.EmailAddress;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.sales.NewOpportunity;
import dev.rapport.crm.sales.OpportunityId;
import dev.rapport.crm.sales.OpportunityService;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Leads of one tenant: capture, qualification, disqualification, edits, owners, scores,
 * look-ups, and conversion into a contact, an account and optionally an opportunity.
 *
 * <p>Status moves: a captured lead is {@code NEW}; {@link #startWorking} makes it
 * {@code WORKING}; {@link #qualify} makes a new, working or qualified lead {@code QUALIFIED};
 * {@link #disqualify} makes it {@code DISQUALIFIED} with a reason, and {@link #reopen} brings a
 * disqualified lead back to {@code WORKING}; {@link #convert} makes any lead that is not
 * disqualified {@code CONVERTED}, which is final: a converted lead does not change any more.
 *
 * <pre>{@code
 * Lead lead = crm.leads().capture(NewLead.from(LeadSource.WEB_FORM)
 *         .email("grace@fleet.example").company("Fleet Ltd"));
 * crm.leads().addScore(lead.id(), 15);
 * crm.leads().qualify(lead.id(), Qualification.bant(true, true, true, false));
 * Conversion c = crm.leads().convert(lead.id(), ConvertLead.withOpportunity("Fleet rollout",
 *         Money.of("120000.00", "EUR")));
 * crm.opportunities().moveToStage(c.opportunityId(), "proposal");
 * }</pre>
 */
public final class LeadService {
    /** The fields that change only through the status commands, never through {@link #update}. */
    private static final List<String> STATUS_FIELDS =
            List.of("status", "qualification", "disqualificationReason", "conversion");

    private final ServiceContext context;
    private final ContactService contacts;
    private final AccountService accounts;
    private final OpportunityService opportunities;

    /**
     * Creates the service. Hosts get it from {@code crm.leads()}.
     *
     * @param context the service context
     */
    public LeadService(ServiceContext context) {
        this.context = context;
        this.contacts = new ContactService(context);
        this.accounts = new AccountService(context);
        this.opportunities = new OpportunityService(context);
    }

    /**
     * Captures a lead: it is stored as {@link LeadStatus#NEW} at version 1 and
     * {@link LeadCaptured} is published.
     *
     * @param command what to capture
     * @return the stored lead
     * @throws CrmValidationException naming {@code email} if the lead has neither an e-mail
     *     address, nor a phone number, nor a name and a company; naming {@code ownerId} if the
     *     owner is not an active user; naming {@code customFields.<key>} if a custom field value
     *     does not fit the lead schema
     */
    public Lead capture(NewLead command) {
        Checks.notNull(command, "command");
        return context.write(uow -> {
            Owners.check(context, command.ownerId(), "ownerId");
            CustomFieldValidation.check(uow, EntityType.LEAD, command.customFields());
            Lead lead = new Lead(LeadId.of(uow.newId("lead")), uow.tenant(), 1, command.source(), LeadStatus.NEW,
                    command.firstName(), command.lastName(), command.email(), command.phone(), command.company(),
                    command.companyDomain(), command.title(), command.country(), command.score(),
                    command.ownerId(), null, null, null, command.tags(), command.customFields(), uow.now(),
                    uow.now());
            uow.tx().leads().insert(lead);
            uow.emit(new LeadCaptured(uow.meta(), lead.id(), lead.source()));
            return lead;
        });
    }

    /**
     * Marks a new lead as being worked ({@link LeadStatus#WORKING}); a working lead stays as it is.
     * Publishes {@link LeadUpdated} with {@code status} changed.
     *
     * @param id the lead
     * @return the stored lead
     * @throws CrmValidationException naming {@code status} if the lead is neither new nor working
     * @throws CrmNotFoundException if the lead does not exist
     */
    public Lead startWorking(LeadId id) {
        return context.write(uow -> {
            Lead current = get(uow, id);
            if (current.status() == LeadStatus.WORKING) {
                return current;
            }
            if (current.status() != LeadStatus.NEW) {
                throw new CrmValidationException("status", "only a new lead can start being worked");
            }
            Lead next = store(uow, current, current.withStatus(LeadStatus.WORKING, current.qualification(), null,
                    null));
            uow.emit(new LeadUpdated(uow.meta(), next.id(), Set.of("status")));
            return next;
        });
    }

    /**
     * Qualifies a lead (new, working, or already qualified, which replaces its qualification).
     * Publishes {@link LeadQualified}; qualifying again with the same qualification changes nothing.
     *
     * @param id the lead
     * @param qualification why it is qualified
     * @return the stored lead, {@link LeadStatus#QUALIFIED}
     * @throws CrmValidationException naming {@code status} if the lead is converted or
     *     disqualified (re-open it first), or {@code qualification} if it is missing
     * @throws CrmNotFoundException if the lead does not exist
     */
    public Lead qualify(LeadId id, Qualification qualification) {
        Checks.notNull(qualification, "qualification");
        return context.write(uow -> {
            Lead current = get(uow, id);
            requireOpen(current, "qualified");
            if (current.status() == LeadStatus.QUALIFIED && qualification.equals(current.qualification())) {
                return current;
            }
            Lead next = store(uow, current, current.withStatus(LeadStatus.QUALIFIED, qualification, null, null));
            uow.emit(new LeadQualified(uow.meta(), next.id()));
            return next;
        });
    }

    /**
     * Qualifies a lead with a free note.
     *
     * @param id the lead
     * @param note why it is qualified
     * @return the stored lead, {@link LeadStatus#QUALIFIED}
     * @throws CrmValidationException naming {@code qualification} if the note is blank, or
     *     {@code status} if the lead is converted or disqualified
     * @throws CrmNotFoundException if the lead does not exist
     * @see #qualify(LeadId, Qualification)
     */
    public Lead qualify(LeadId id, String note) {
        return qualify(id, Qualification.note(note));
    }

    /**
     * Disqualifies a lead with a reason. Publishes {@link LeadDisqualified}.
     *
     * @param id the lead
     * @param reason why, required
     * @return the stored lead, {@link LeadStatus#DISQUALIFIED}
     * @throws CrmValidationException naming {@code reason} if it is blank or longer than 1000
     *     characters, or {@code status} if the lead is converted or already disqualified
     * @throws CrmNotFoundException if the lead does not exist
     */
    public Lead disqualify(LeadId id, String reason) {
        String why = Checks.maxLength(Checks.nonBlank(reason, "reason"), 1000, "reason");
        return context.write(uow -> {
            Lead current = get(uow, id);
            if (current.status() == LeadStatus.DISQUALIFIED) {
                throw new CrmValidationException("status", "the lead is already disqualified");
            }
            requireOpen(current, "disqualified");
            Lead next = store(uow, current, current.withStatus(LeadStatus.DISQUALIFIED, current.qualification(), why,
                    null));
            uow.emit(new LeadDisqualified(uow.meta(), next.id(), why));
            return next;
        });
    }

    /**
     * Re-opens a disqualified lead: it becomes {@link LeadStatus#WORKING} and loses its
     * disqualification reason. Publishes {@link LeadUpdated}.
     *
     * @param id the lead
     * @return the stored lead
     * @throws CrmValidationException naming {@code status} if the lead is not disqualified
     * @throws CrmNotFoundException if the lead does not exist
     */
    public Lead reopen(LeadId id) {
        return context.write(uow -> {
            Lead current = get(uow, id);
            if (current.status() != LeadStatus.DISQUALIFIED) {
                throw new CrmValidationException("status", "only a disqualified lead can be re-opened");
            }
            Lead next = store(uow, current, current.withStatus(LeadStatus.WORKING, current.qualification(), null,
                    null));
            uow.emit(new LeadUpdated(uow.meta(), next.id(), Set.of("status", "disqualificationReason")));
            return next;
        });
    }

    /**
     * Stores an edited lead. The edit must be based on the current version and may not touch
     * the status or what goes with it (qualification, disqualification reason, conversion): those
     * change only through {@link #qualify}, {@link #disqualify}, {@link #reopen} and
     * {@link #convert}. Publishes {@link LeadUpdated} with the changed field names.
     *
     * @param edited the lead with its changes, at the version it was read
     * @return the stored lead at the next version, or the current one if nothing changed
     * @throws CrmConflictException if the lead was changed since it was read
     * @throws CrmNotFoundException if it does not exist
     * @throws CrmValidationException naming the status field that was changed, {@code status} if
     *     the lead is converted, {@code ownerId} if the new owner is not an active user, or
     *     {@code customFields.<key>} if changed custom field values do not fit the lead schema
     */
    public Lead update(Lead edited) {
        Checks.notNull(edited, "lead");
        return context.write(uow -> {
            Lead current = get(uow, edited.id());
            if (current.version() != edited.version()) {
                throw new CrmConflictException("Lead", edited.id().value(), edited.version(), current.version());
            }
            Set<String> changed = Diff.changed(current, edited, Diff.BOOKKEEPING);
            if (changed.contains("tenantId")) {
                throw new CrmValidationException("tenantId", "cannot change");
            }
            for (String field : STATUS_FIELDS) {
                if (changed.contains(field)) {
                    throw new CrmValidationException(field,
                            "changes only through qualify, disqualify, reopen or convert");
                }
            }
            if (changed.isEmpty()) {
                return current;
            }
            requireNotConverted(current);
            if (changed.contains("ownerId")) {
                Owners.check(context, edited.ownerId(), "ownerId");
            }
            CustomFieldValidation.checkUpdate(uow, EntityType.LEAD, current.customFields(), edited.customFields());
            Lead next = store(uow, current, new Lead(current.id(), current.tenantId(), current.version(),
                    edited.source(), current.status(), edited.firstName(), edited.lastName(), edited.email(),
                    edited.phone(), edited.company(), edited.companyDomain(), edited.title(), edited.country(),
                    edited.score(), edited.ownerId(), current.qualification(), current.disqualificationReason(),
                    current.conversion(), edited.tags(), edited.customFields(), current.createdAt(),
                    current.updatedAt()));
            uow.emit(new LeadUpdated(uow.meta(), next.id(), changed));
            return next;
        });
    }

    /**
     * Gives a lead to an owner. Publishes {@link LeadUpdated} with {@code ownerId} changed
     * (nothing if the owner is already the owner).
     *
     * @param id the lead
     * @param owner the new owner, an active user of the directory
     * @return the stored lead
     * @throws CrmValidationException naming {@code ownerId} if the owner is not an active user, or
     *     {@code status} if the lead is converted
     * @throws CrmNotFoundException if the lead does not exist
     */
    public Lead assign(LeadId id, UserId owner) {
        Checks.notNull(owner, "ownerId");
        return context.write(uow -> update(requireNotConverted(get(uow, id)).withOwner(owner)));
    }

    /**
     * Adds to a lead's score (a negative delta subtracts). The score never goes below 0 (nor above
     * {@link Integer#MAX_VALUE}): it stops there. Publishes {@link LeadUpdated} with {@code score}
     * changed, unless the score stays the same.
     *
     * <pre>{@code
     * crm.leads().addScore(lead.id(), -1000).score();   // 0, not negative
     * }</pre>
     *
     * @param id the lead
     * @param delta the points to add
     * @return the stored lead
     * @throws CrmValidationException naming {@code status} if the lead is converted
     * @throws CrmNotFoundException if the lead does not exist
     */
    public Lead addScore(LeadId id, int delta) {
        return context.write(uow -> {
            Lead current = requireNotConverted(get(uow, id));
            long sum = (long) current.score() + delta;
            int next = (int) Math.max(0, Math.min(Integer.MAX_VALUE, sum));
            return update(current.withScore(next));
        });
    }

    /**
     * Converts a lead, atomically, into a contact, (when there is a company to go by) an account,
     * and optionally an opportunity, reusing existing contacts and accounts rather than making
     * duplicates:
     * <ol>
     *   <li>The contact is the forced one ({@link ConvertLead#intoContact}), else the existing
     *       contact with the lead's e-mail address (in any spelling), else a new contact with the
     *       lead's name, e-mail address, phone, title and owner.</li>
     *   <li>The account is the forced one ({@link ConvertLead#intoAccount}), else an existing
     *       account with the lead's domain, else the account the reused contact already works
     *       for, else a new account named after the lead's company (when it has one), owned by
     *       the lead's owner. The lead's domain is its company domain, or else the domain of its
     *       e-mail address; a free mail provider's domain ({@link FreeMailDomains}) is never
     *       used.</li>
     *   <li>A contact without an account is linked to the account, and its lifecycle is promoted
     *       to at least {@link LifecycleStage#SALES_QUALIFIED}.</li>
     *   <li>If the command {@linkplain ConvertLead#withOpportunity asks for one}, an opportunity is
     *       created through the opportunity service (first open stage of the default pipeline,
     *       whose entry requirements apply) for the account, with the contact as its primary
     *       contact, the lead's source and owner; that moves the contact on to
     *       {@link LifecycleStage#OPPORTUNITY}.</li>
     *   <li>The lead becomes {@link LeadStatus#CONVERTED} with its {@link ConversionLink}, and
     *       {@link LeadConverted} is published, after the events of the contact and account
     *       changes.</li>
     * </ol>
     * Either all of it is stored or, when any step fails, nothing is and no event is published.
     *
     * @param id the lead
     * @param command how to convert it
     * @return what the lead became
     * @throws CrmValidationException naming {@code status} if the lead is already converted or is
     *     disqualified (re-open it first); {@code accountId} or {@code contactId} if a forced
     *     target does not exist; {@code name} if a new contact is needed but the lead has neither
     *     a name nor an e-mail address; {@code ownerId} if the lead's owner is no longer active;
     *     a {@link dev.rapport.crm.sales.StageRequirementsNotMetException} if the opportunity does
     *     not meet its first stage's entry requirements
     * @throws CrmNotFoundException if the lead does not exist
     */
    public Conversion convert(LeadId id, ConvertLead command) {
        Checks.notNull(command, "command");
        return context.write(uow -> {
            Lead lead = get(uow, id);
            if (lead.isConverted()) {
                throw new CrmValidationException("status", "the lead is already converted");
            }
            if (lead.status() == LeadStatus.DISQUALIFIED) {
                throw new CrmValidationException("status",
                        "a disqualified lead must be re-opened before it is converted");
            }

            Contact contact = null;
            if (command.contactId() != null) {
                contact = uow.tx().contacts().find(command.contactId()).orElseThrow(
                        () -> new CrmValidationException("contactId", "names a contact that does not exist"));
            } else if (lead.email() != null) {
                contact = uow.tx().contacts().findByEmail(lead.email()).orElse(null);
            }

            Account account = null;
            boolean newAccount = false;
            if (command.accountId() != null) {
                account = uow.tx().accounts().find(command.accountId()).orElseThrow(
                        () -> new CrmValidationException("accountId", "names an account that does not exist"));
            } else {
                String domain = companyDomainOf(lead);
                if (domain != null) {
                    account = first(uow.tx().accounts().findByDomain(domain));
                }
                if (account == null && contact != null && contact.accountId() != null) {
                    account = uow.tx().accounts().find(contact.accountId()).orElse(null);
                }
                if (account == null && lead.company() != null) {
                    account = accounts.create(newAccount(lead, domain));
                    newAccount = true;
                }
            }

            boolean newContact = contact == null;
            if (contact == null) {
                contact = contacts.create(newContact(lead, account));
            } else if (contact.accountId() == null && account != null) {
                contact = contacts.update(contact.withAccount(account.id()));
            }
            contact = contacts.promoteLifecycle(contact.id(), LifecycleStage.SALES_QUALIFIED);

            OpportunityId opportunityId = command.opensOpportunity()
                    ? opportunities.create(newOpportunity(lead, command, contact, account)).id()
                    : null;

            Conversion result = new Conversion(lead.id(), contact.id(), account == null ? null : account.id(),
                    opportunityId, newContact, newAccount);
            ConversionLink link = new ConversionLink(result.contactId(), result.accountId(), result.opportunityId(),
                    uow.now());
            store(uow, lead, lead.withStatus(LeadStatus.CONVERTED, lead.qualification(), null, link));
            uow.emit(new LeadConverted(uow.meta(), lead.id(), result.contactId(), result.accountId(),
                    result.opportunityId(), newContact, newAccount));
            return result;
        });
    }

    /**
     * The domain a lead's company is known by: its company domain, or else the domain of its
     * e-mail address; never a free mail provider's domain.
     *
     * @param lead the lead
     * @return the normalized domain, or null if there is none to go by
     */
    static @Nullable String companyDomainOf(Lead lead) {
        String domain = lead.companyDomain();
        if (domain == null && lead.email() != null) {
            try {
                domain = Account.normalizeDomain(lead.email().domain());
            } catch (CrmValidationException e) {
                // An address whose domain is no web domain (e.g. a bare host) names no company.
                domain = null;
            }
        }
        return domain == null || FreeMailDomains.isFreeMail(domain) ? null : domain;
    }

    private static NewAccount newAccount(Lead lead, @Nullable String domain) {
        NewAccount account = NewAccount.named(lead.company());
        if (domain != null) {
            account = account.domain(domain);
        }
        if (lead.ownerId() != null) {
            account = account.owner(lead.ownerId());
        }
        return account;
    }

    private static NewOpportunity newOpportunity(Lead lead, ConvertLead command, Contact contact,
            @Nullable Account account) {
        NewOpportunity deal = NewOpportunity.named(command.opportunityName())
                .amount(command.opportunityAmount())
                .source(lead.source())
                .contactRole(ContactRole.primary(contact.id(), command.opportunityRole()));
        if (account != null) {
            deal = deal.account(account.id());
        }
        if (lead.ownerId() != null) {
            deal = deal.owner(lead.ownerId());
        }
        return deal;
    }

    private static NewContact newContact(Lead lead, @Nullable Account account) {
        if (!lead.hasName() && lead.email() == null) {
            throw new CrmValidationException("name",
                    "a lead without a name or an e-mail address converts only into an existing contact");
        }
        NewContact contact = NewContact.named(lead.firstName(), lead.lastName());
        if (lead.email() != null) {
            contact = contact.email(lead.email().value());
        }
        if (lead.phone() != null) {
            contact = contact.phone(lead.phone());
        }
        if (lead.title() != null) {
            contact = contact.title(lead.title());
        }
        if (account != null) {
            contact = contact.account(account.id());
        }
        if (lead.ownerId() != null) {
            contact = contact.owner(lead.ownerId());
        }
        return contact;
    }

    /**
     * A lead by id.
     *
     * @param id the id
     * @return the lead
     * @throws CrmNotFoundException if it does not exist in this tenant
     */
    public Lead get(LeadId id) {
        return find(id).orElseThrow(() -> new CrmNotFoundException("Lead", id.value()));
    }

    /**
     * A lead by id, if it exists.
     *
     * @param id the id
     * @return the lead, or empty
     */
    public Optional<Lead> find(LeadId id) {
        Checks.notNull(id, "leadId");
        return context.read(tx -> tx.leads().find(id));
    }

    /**
     * The leads with an e-mail address, in any spelling.
     *
     * @param email the address
     * @return the leads, ordered by id
     * @throws CrmValidationException naming {@code email} if it is malformed
     */
    public List<Lead> findByEmail(String email) {
        EmailAddress normalized = EmailAddress.of(email);
        return context.read(tx -> tx.leads().findByEmail(normalized));
    }

    /**
     * The leads an owner owns.
     *
     * @param owner the owner
     * @return the leads, ordered by id
     */
    public List<Lead> findByOwner(UserId owner) {
        Checks.notNull(owner, "ownerId");
        return context.read(tx -> tx.leads().findByOwner(owner));
    }

    /**
     * The leads in a status, e.g. the qualified ones waiting for conversion.
     *
     * @param status the status
     * @return the leads, ordered by id
     */
    public List<Lead> findByStatus(LeadStatus status) {
        Checks.notNull(status, "status");
        return context.read(tx -> tx.leads().findByStatus(status));
    }

    /**
     * One page of all leads, ordered by id.
     *
     * @param request the page
     * @return the page
     */
    public Page<Lead> list(PageRequest request) {
        Checks.notNull(request, "request");
        return context.read(tx -> tx.leads().list(request));
    }

    /**
     * How many leads the tenant has.
     *
     * @return the count
     */
    public long count() {
        return context.read(tx -> tx.leads().count());
    }

    private static Lead get(UnitOfWork uow, LeadId id) {
        Checks.notNull(id, "leadId");
        return uow.tx().leads().find(id).orElseThrow(() -> new CrmNotFoundException("Lead", id.value()));
    }

    private static Lead requireNotConverted(Lead lead) {
        if (lead.isConverted()) {
            throw new CrmValidationException("status", "a converted lead does not change any more");
        }
        return lead;
    }

    private static void requireOpen(Lead lead, String what) {
        if (lead.isConverted()) {
            throw new CrmValidationException("status", "a converted lead cannot be " + what);
        }
        if (lead.status() == LeadStatus.DISQUALIFIED) {
            throw new CrmValidationException("status", "a disqualified lead must be re-opened first");
        }
    }

    private static Lead store(UnitOfWork uow, Lead current, Lead changed) {
        Lead next = changed.withVersion(current.version() + 1).withUpdatedAt(uow.now());
        uow.tx().leads().update(next);
        return next;
    }

    private static @Nullable Account first(List<Account> accounts) {
        return accounts.isEmpty() ? null : accounts.get(0);
    }
}
