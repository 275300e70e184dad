package dev.rapport.crm.io;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.internal.ServiceContext;
import java.util.Set;

/**
 * Imports records from CSV and JSON files, streaming: one row is read, cleansed and stored at a
 * time, each row in its own command, so memory stays bounded however long the file is and a
 * refused row stores nothing. Rows are upserted by a {@link MatchKey}: importing the same file
 * twice changes nothing the second time ({@link ImportResult#unchanged()} counts every row).
 * Empty cells never overwrite stored values.
 *
 * <p>A bad row never stops the import: it goes to the result's reject report with its line,
 * column, value and reason. A file that cannot be read further (a quote never closed, a header
 * without a column the mapping names) stops with {@link ImportResult#fileError()}; rows before
 * the problem stay imported. Logs carry counts only, never a value of the file.
 *
 * <pre>{@code
 * ImportResult accounts = crm.imports().accounts(ImportSource.csv(Files.newInputStream(path)),
 *         ImportMapping.create().column("Company", "name").alias("industry", "technolgy", "technology"));
 * ImportResult contacts = crm.imports().contacts(ImportSource.json(reader),
 *         ImportMapping.create().column("mail", "email").column("company", "account"));
 * contacts.rejects().forEach(r -> System.out.println(r.line() + " " + r.column() + ": " + r.reason()));
 * }</pre>
 */
public final class ImportService {
    private final ServiceContext context;

    /**
     * Creates the service. Hosts get it from {@code crm.imports()}.
     *
     * @param context the service context
     */
    public ImportService(ServiceContext context) {
        this.context = context;
    }

    /**
     * Imports accounts. Fields: {@code externalId, name, domain, industry, employees,
     * annualRevenue, currency, parent, owner, street, city, postalCode, region, country, tags}
     * ({@code country}: an ISO code or an English name; {@code parent}: the parent account by the
     * mapping's {@link ImportMapping#referencesBy(MatchKey) reference key}, which may also be a row
     * later in the same file; {@code tags}: separated by {@code ;} or {@code |}), and
     * {@code custom.<key>} for the account custom fields the schema defines. Match keys:
     * {@link MatchKey#NAME} (default), {@link MatchKey#DOMAIN}, {@link MatchKey#EXTERNAL_ID}.
     *
     * @param source the file
     * @param mapping the mapping
     * @return the counts and the reject report
     * @throws CrmValidationException naming {@code mapping} or {@code matchBy} if the mapping names
     *     a field accounts do not have or a match key they cannot use
     */
    public ImportResult accounts(ImportSource source, ImportMapping mapping) {
        return run(source, mapping, new AccountImport(context, Checks.notNull(mapping, "mapping")));
    }

    /**
     * Imports contacts. Fields: {@code externalId, firstName, lastName, fullName, email, phone,
     * title, account, owner, lifecycleStage, street, city, postalCode, region, country, tags}
     * ({@code account}: a stored account by the mapping's reference key; {@code lifecycleStage}:
     * a {@link dev.rapport.crm.lifecycle.LifecycleStage} name, applied only forward on update),
     * and {@code custom.<key>} for the contact custom fields the schema defines.
     * Match keys: {@link MatchKey#EMAIL} (default), {@link MatchKey#EXTERNAL_ID}.
     *
     * @param source the file
     * @param mapping the mapping
     * @return the counts and the reject report
     * @throws CrmValidationException naming {@code mapping} or {@code matchBy} if the mapping names
     *     a field contacts do not have or a match key they cannot use
     */
    public ImportResult contacts(ImportSource source, ImportMapping mapping) {
        return run(source, mapping, new ContactImport(context, Checks.notNull(mapping, "mapping")));
    }

    /**
     * Imports leads. Fields: {@code externalId, firstName, lastName, fullName, email, phone,
     * company, domain, title, country} (an ISO code or an English name), {@code score, owner,
     * source} (a {@link dev.rapport.crm.lead.LeadSource} name; default for new leads:
     * {@code IMPORT}), {@code tags}, and {@code custom.<key>} for the lead custom fields the schema
     * defines. Match keys: {@link MatchKey#EMAIL} (default), {@link MatchKey#EXTERNAL_ID}.
     *
     * @param source the file
     * @param mapping the mapping
     * @return the counts and the reject report
     * @throws CrmValidationException naming {@code mapping} or {@code matchBy} if the mapping names
     *     a field leads do not have or a match key they cannot use
     */
    public ImportResult leads(ImportSource source, ImportMapping mapping) {
        return run(source, mapping, new LeadImport(context, Checks.notNull(mapping, "mapping")));
    }

    /**
     * Imports activities onto the timeline, matched by {@link MatchKey#EXTERNAL_ID} (the only key:
     * activities have no natural one, so {@code externalId} is required). Fields: {@code type} (an
     * {@link dev.rapport.crm.activity.ActivityType} name) and {@code channel} (a
     * {@link dev.rapport.crm.activity.Channel} name), both required; {@code direction,
     * occurredAt} (ISO-8601 date-time, or a date in the mapping's formats taken as its start in
     * UTC; default: now), {@code subject, body, durationMinutes, actor} ({@code customer}, or
     * the directory user who acted; required unless the import runs as a user), and the links, at least one: {@code contact} (a stored contact by e-mail, or by its
     * imported external id when the mapping references by external id), {@code account} (by the
     * mapping's reference key) and {@code opportunity} (by its imported external id). A later file
     * can correct a logged activity's subject and body; its other fields stay as logged.
     *
     * @param source the file
     * @param mapping the mapping
     * @return the counts and the reject report
     * @throws CrmValidationException naming {@code mapping} or {@code matchBy} if the mapping names
     *     a field activities do not have or another match key
     */
    public ImportResult activities(ImportSource source, ImportMapping mapping) {
        return run(source, mapping, new ActivityImport(context, Checks.notNull(mapping, "mapping")));
    }

    /**
     * Imports opportunities, matched by {@link MatchKey#EXTERNAL_ID} (the only key: opportunities
     * have no natural one). Fields: {@code externalId, name} (default: the external id), {@code
     * account} (a stored account by the mapping's reference key), {@code pipeline} (a pipeline id;
     * default: the default pipeline), {@code stage} (a stage key, after the mapping's
     * {@link ImportMapping#stage(String, String) stage aliases}; a won or lost stage closes the
     * opportunity), {@code closeDate, owner, amount, currency}, {@code product, quantity,
     * unitPrice} (one line item; its price from {@code unitPrice}, else {@code amount}, else the
     * mapping's {@link ImportMapping#listPrice(String, dev.rapport.crm.revenue.Money) list
     * price}), {@code closeReason, source, tags}, and {@code custom.<key>} for the opportunity
     * custom fields the schema defines. A lost row's zero amount is read as "no amount recorded".
     *
     * @param source the file
     * @param mapping the mapping
     * @return the counts and the reject report
     * @throws CrmValidationException naming {@code mapping} or {@code matchBy} if the mapping names
     *     a field opportunities do not have or another match key
     */
    public ImportResult opportunities(ImportSource source, ImportMapping mapping) {
        return run(source, mapping, new OpportunityImport(context, Checks.notNull(mapping, "mapping")));
    }

    private ImportResult run(ImportSource source, ImportMapping mapping, EntityImport kind) {
        Checks.notNull(source, "source");
        return new ImportEngine(context, mapping, kind).run(source);
    }

    /**
     * The fields accounts can be imported into.
     *
     * @return the field names
     */
    public static Set<String> accountFields() {
        return AccountImport.FIELDS;
    }

    /**
     * The fields activities can be imported into.
     *
     * @return the field names
     */
    public static Set<String> activityFields() {
        return ActivityImport.FIELDS;
    }

    /**
     * The fields leads can be imported into (besides their custom fields).
     *
     * @return the field names
     */
    public static Set<String> leadFields() {
        return LeadImport.FIELDS;
    }

    /**
     * The fields opportunities can be imported into (besides their custom fields).
     *
     * @return the field names
     */
    public static Set<String> opportunityFields() {
        return OpportunityImport.FIELDS;
    }

    /**
     * The fields contacts can be imported into.
     *
     * @return the field names
     */
    public static Set<String> contactFields() {
        return ContactImport.FIELDS;
    }
}
