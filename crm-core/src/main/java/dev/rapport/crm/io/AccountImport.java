package dev.rapport.crm.io;

import dev.rapport.crm.internal.ServiceContext;
import dev.rapport.crm.internal.UnitOfWork;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.field.EntityType;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.AccountService;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.party.PostalAddress;
import dev.rapport.crm.revenue.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** Rows to accounts, matched by name (default), domain or external id; parents may come later in the file. */
final class AccountImport extends EntityImport {
    static final Set<String> FIELDS = fieldSet("externalId", "name", "domain", "industry", "employees",
            "annualRevenue", "currency", "parent", "owner", "street", "city", "postalCode", "region", "country", "tags");

    private final AccountService accounts;

    AccountImport(ServiceContext context, ImportMapping mapping) {
        super(context, mapping);
        this.accounts = new AccountService(context);
    }

    @Override
    String entity() {
        return "account";
    }

    @Override
    EntityType entityType() {
        return EntityType.ACCOUNT;
    }

    @Override
    String plural() {
        return "accounts";
    }

    @Override
    Set<String> fields() {
        return FIELDS;
    }

    @Override
    MatchKey defaultMatch() {
        return MatchKey.NAME;
    }

    @Override
    Set<MatchKey> matchKeys() {
        return Set.of(MatchKey.NAME, MatchKey.DOMAIN, MatchKey.EXTERNAL_ID);
    }

    @Override
    Upserted upsert(UnitOfWork uow, RowValues row) {
        String externalId = row.text("externalId");
        Account existing = find(uow, row).orElse(null);
        AccountId parent = parent(uow, row, existing);
        UserId owner = row.has("owner") ? UserId.of(row.required("owner")) : null;
        String domain = row.text("domain");
        Money revenue = row.money("annualRevenue");
        Integer employees = row.integer("employees");
        String industry = row.text("industry");
        PostalAddress address = address(row, existing == null ? null : existing.address());
        Set<String> tags = tags(row.text("tags"));
        if (existing == null) {
            NewAccount command = NewAccount.named(row.required("name"));
            if (domain != null) {
                command = command.domain(domain);
            }
            if (industry != null) {
                command = command.industry(industry);
            }
            if (employees != null || revenue != null) {
                command = new NewAccount(command.name(), command.domain(), command.industry(), employees, revenue,
                        null, null, null, Set.of(), command.customFields(), command.externalIds());
            }
            if (parent != null) {
                command = command.parent(parent);
            }
            if (owner != null) {
                command = command.owner(owner);
            }
            if (address != null) {
                command = command.address(address);
            }
            for (String tag : tags) {
                command = command.tag(tag);
            }
            CustomFields custom = customFields(row, CustomFields.empty());
            if (!custom.isEmpty()) {
                command = new NewAccount(command.name(), command.domain(), command.industry(), command.employees(),
                        command.annualRevenue(), command.parentId(), command.ownerId(), command.address(),
                        command.tags(), custom, command.externalIds());
            }
            Account created = accounts.create(command);
            link(uow, entity(), externalId, created.id().value(), row);
            return new Upserted(Outcome.CREATED, keys(created, externalId));
        }
        Account edited = existing;
        if (row.has("name") && match != MatchKey.NAME) { // matched by name: the stored spelling stays
            edited = edited.withName(row.required("name"));
        }
        if (domain != null) {
            edited = edited.withDomain(domain);
        }
        if (industry != null || employees != null || revenue != null) {
            edited = edited.withFirmographics(industry != null ? industry : edited.industry(),
                    employees != null ? employees : edited.employees(),
                    revenue != null ? revenue : edited.annualRevenue());
        }
        if (parent != null) {
            edited = edited.withParent(parent);
        }
        if (owner != null) {
            edited = edited.withOwner(owner);
        }
        if (address != null) {
            edited = edited.withAddress(address);
        }
        if (!tags.isEmpty() && !edited.tags().containsAll(tags)) {
            Set<String> all = new TreeSet<>(edited.tags());
            all.addAll(tags);
            edited = edited.withTags(all);
        }
        edited = edited.withCustomFields(customFields(row, edited.customFields()));
        Account stored = accounts.update(edited);
        link(uow, entity(), externalId, stored.id().value(), row);
        return new Upserted(stored.version() == existing.version() ? Outcome.UNCHANGED : Outcome.UPDATED,
                keys(stored, externalId));
    }

    private Optional<Account> find(UnitOfWork uow, RowValues row) {
        switch (match) {
            case EXTERNAL_ID: {
                String key = row.required("externalId");
                Optional<String> target = linked(uow, entity(), key);
                if (target.isEmpty()) {
                    return Optional.empty();
                }
                Optional<Account> account = uow.tx().accounts().find(AccountId.of(target.get()));
                if (account.isEmpty()) {
                    unlink(uow, entity(), key);
                }
                return account;
            }
            case DOMAIN: {
                List<Account> found = uow.tx().accounts().findByDomain(Account.normalizeDomain(row.required("domain")));
                if (found.size() > 1) {
                    throw row.reject("domain", "matches " + found.size() + " stored accounts");
                }
                return found.stream().findFirst();
            }
            default: {
                List<Account> found = uow.tx().accounts().findByNameKey(Account.nameKey(row.required("name")));
                if (found.size() > 1) {
                    throw row.reject("name", "matches " + found.size() + " stored accounts");
                }
                return found.stream().findFirst();
            }
        }
    }

    private @Nullable AccountId parent(UnitOfWork uow, RowValues row, @Nullable Account self) {
        String ref = row.text("parent");
        if (ref == null) {
            return null;
        }
        String refKey = referenceKey(mapping.referenceKey(), ref);
        String ownKey = ownKey(row, self);
        if (refKey.equals(ownKey)) {
            throw row.reject("parent", "names the account itself");
        }
        Optional<Account> parent = findAccount(uow, row, "parent", ref);
        if (parent.isEmpty()) {
            throw new RowDeferred(refKey, "parent");
        }
        if (self != null && parent.get().id().equals(self.id())) {
            throw row.reject("parent", "names the account itself");
        }
        return parent.get().id();
    }

    private @Nullable String ownKey(RowValues row, @Nullable Account self) {
        MatchKey key = mapping.referenceKey();
        String value = switch (key) {
            case NAME -> row.has("name") ? row.text("name") : self == null ? null : self.name();
            case DOMAIN -> row.has("domain") ? row.text("domain") : self == null ? null : self.domain();
            default -> row.text("externalId");
        };
        if (value == null) {
            return null;
        }
        try {
            return referenceKey(key, value);
        } catch (dev.rapport.crm.CrmValidationException e) {
            return null;
        }
    }

    private static List<String> keys(Account account, @Nullable String externalId) {
        List<String> keys = new ArrayList<>();
        keys.add(referenceKey(MatchKey.NAME, account.name()));
        if (account.domain() != null) {
            keys.add(referenceKey(MatchKey.DOMAIN, account.domain()));
        }
        if (externalId != null) {
            keys.add(referenceKey(MatchKey.EXTERNAL_ID, externalId));
        }
        return keys;
    }

    /** An address from the row's address fields over the stored one, or null when the row has none. */
    static @Nullable PostalAddress address(RowValues row, @Nullable PostalAddress stored) {
        if (!row.has("street") && !row.has("city") && !row.has("postalCode") && !row.has("region")
                && !row.has("country")) {
            return null;
        }
        String country;
        if (row.has("country")) {
            country = Countries.code(row.required("country"))
                    .orElseThrow(() -> row.reject("country", "is not a known country name or ISO code"));
        } else if (stored != null) {
            country = stored.country();
        } else {
            throw row.reject("country", "is required with an address");
        }
        return new PostalAddress(
                row.has("street") ? row.text("street") : stored == null ? null : stored.street(),
                row.has("city") ? row.text("city") : stored == null ? null : stored.city(),
                row.has("postalCode") ? row.text("postalCode") : stored == null ? null : stored.postalCode(),
                row.has("region") ? row.text("region") : stored == null ? null : stored.region(),
                country);
    }
}
