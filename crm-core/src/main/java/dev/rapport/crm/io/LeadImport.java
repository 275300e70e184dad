package dev.rapport.crm.io;

import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.field.EntityType;
import dev.rapport.crm.internal.ServiceContext;
import dev.rapport.crm.internal.UnitOfWork;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadId;
import dev.rapport.crm.lead.LeadService;
import dev.rapport.crm.lead.LeadSource;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.party.EmailAddress;
import dev.rapport.crm.party.PhoneNumber;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** Rows to leads, matched by e-mail (default) or external id; new leads come from {@link LeadSource#IMPORT} unless the row says otherwise. */
final class LeadImport extends EntityImport {
    static final Set<String> FIELDS = fieldSet("externalId", "firstName", "lastName", "fullName", "email", "phone",
            "company", "domain", "title", "country", "score", "owner", "source", "tags");

    private final LeadService leads;

    LeadImport(ServiceContext context, ImportMapping mapping) {
        super(context, mapping);
        this.leads = new LeadService(context);
    }

    @Override
    String entity() {
        return "lead";
    }

    @Override
    EntityType entityType() {
        return EntityType.LEAD;
    }

    @Override
    String plural() {
        return "leads";
    }

    @Override
    Set<String> fields() {
        return FIELDS;
    }

    @Override
    MatchKey defaultMatch() {
        return MatchKey.EMAIL;
    }

    @Override
    Set<MatchKey> matchKeys() {
        return Set.of(MatchKey.EMAIL, MatchKey.EXTERNAL_ID);
    }

    @Override
    Upserted upsert(UnitOfWork uow, RowValues row) {
        String externalId = row.text("externalId");
        EmailAddress email = row.has("email") ? EmailAddress.of(row.required("email")) : null;
        PhoneNumber phone = row.has("phone") ? PhoneNumber.of(row.required("phone")) : null;
        Lead existing = find(uow, row, email).orElse(null);
        String first = row.text("firstName");
        String last = row.text("lastName");
        if (first == null && last == null && row.has("fullName")) {
            String full = row.required("fullName");
            int space = full.lastIndexOf(' ');
            first = space < 0 ? null : full.substring(0, space);
            last = space < 0 ? full : full.substring(space + 1);
        }
        String country = null;
        if (row.has("country")) {
            country = Countries.code(row.required("country"))
                    .orElseThrow(() -> row.reject("country", "is not a known country name or ISO code"));
        }
        Integer score = row.integer("score");
        UserId owner = row.has("owner") ? UserId.of(row.required("owner")) : null;
        LeadSource source = row.enumValue("source", LeadSource.class);
        Set<String> tags = tags(row.text("tags"));
        String company = row.text("company");
        String domain = row.text("domain");
        String title = row.text("title");
        if (existing == null) {
            NewLead command = NewLead.from(source == null ? LeadSource.IMPORT : source).name(first, last);
            if (email != null) {
                command = command.email(email.value());
            }
            if (phone != null) {
                command = command.phone(phone);
            }
            if (company != null) {
                command = command.company(company);
            }
            if (domain != null) {
                command = command.domain(domain);
            }
            if (title != null) {
                command = command.title(title);
            }
            if (country != null) {
                command = command.country(country);
            }
            if (score != null) {
                command = command.score(score);
            }
            if (owner != null) {
                command = command.owner(owner);
            }
            for (String tag : tags) {
                command = command.tag(tag);
            }
            for (var entry : customFields(row, CustomFields.empty()).asMap().entrySet()) {
                command = command.field(entry.getKey(), entry.getValue());
            }
            Lead created = leads.capture(command);
            link(uow, entity(), externalId, created.id().value(), row);
            return new Upserted(Outcome.CREATED, List.of());
        }
        Lead edited = existing;
        if (first != null || last != null) {
            edited = edited.withName(first != null ? first : edited.firstName(), last != null ? last : edited.lastName());
        }
        if (email != null) {
            edited = edited.withEmail(email);
        }
        if (phone != null) {
            edited = edited.withPhone(phone);
        }
        if (company != null) {
            edited = edited.withCompany(company);
        }
        if (domain != null) {
            edited = edited.withCompanyDomain(domain);
        }
        if (title != null) {
            edited = edited.withTitle(title);
        }
        if (country != null) {
            edited = edited.withCountry(country);
        }
        if (score != null) {
            edited = edited.withScore(score);
        }
        if (owner != null) {
            edited = edited.withOwner(owner);
        }
        if (source != null) {
            edited = edited.withSource(source);
        }
        if (!tags.isEmpty() && !edited.tags().containsAll(tags)) {
            Set<String> all = new TreeSet<>(edited.tags());
            all.addAll(tags);
            edited = edited.withTags(all);
        }
        edited = edited.withCustomFields(customFields(row, edited.customFields()));
        Lead stored = leads.update(edited);
        link(uow, entity(), externalId, stored.id().value(), row);
        return new Upserted(stored.version() == existing.version() ? Outcome.UNCHANGED : Outcome.UPDATED, List.of());
    }

    private Optional<Lead> find(UnitOfWork uow, RowValues row, @Nullable EmailAddress email) {
        if (match == MatchKey.EXTERNAL_ID) {
            String key = row.required("externalId");
            Optional<String> target = linked(uow, entity(), key);
            if (target.isEmpty()) {
                return Optional.empty();
            }
            Optional<Lead> lead = uow.tx().leads().find(LeadId.of(target.get()));
            if (lead.isEmpty()) {
                unlink(uow, entity(), key);
            }
            return lead;
        }
        if (email == null) {
            throw row.reject("email", "is required to match leads by e-mail");
        }
        List<Lead> found = uow.tx().leads().findByEmail(email);
        if (found.size() > 1) {
            throw row.reject("email", "matches " + found.size() + " stored leads");
        }
        return found.stream().findFirst();
    }
}
