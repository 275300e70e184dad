package dev.rapport.crm.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.rapport.crm.Page;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.internal.ServiceContext;
import dev.rapport.crm.json.RapportModule;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.EmailAddress;
import dev.rapport.crm.party.PhoneNumber;
import dev.rapport.crm.sales.Opportunity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Exports records to CSV or JSON, page by page (never all at once). CSV has a header row and the
 * columns the importer reads back with a default mapping; a text cell that starts with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading {@code '}
 * so that a spreadsheet shows it instead of running it as a formula. JSON is an array of the
 * records as {@link RapportModule} writes them. The writer is flushed, not closed.
 *
 * <pre>{@code
 * try (Writer out = Files.newBufferedWriter(path)) {
 *     long rows = crm.exports().accounts(out, ExportFormat.CSV);
 * }
 * }</pre>
 */
public final class ExportService {
    private static final int PAGE = 500;
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final CsvMapper CSV = new CsvMapper();
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new RapportModule());

    private static final List<String> ACCOUNT_COLUMNS = List.of("id", "name", "domain", "industry", "employees",
            "annualRevenue", "currency", "parent", "owner", "street", "city", "postalCode", "region", "country",
            "tags");
    private static final List<String> CONTACT_COLUMNS = List.of("id", "firstName", "lastName", "email", "phone",
            "title", "account", "owner", "lifecycleStage", "street", "city", "postalCode", "region", "country",
            "tags");

    private static final List<String> LEAD_COLUMNS = List.of("id", "firstName", "lastName", "email", "phone",
            "company", "domain", "title", "country", "score", "owner", "source", "status", "tags");
    private static final List<String> OPPORTUNITY_COLUMNS = List.of("id", "name", "account", "amount", "currency",
            "pipeline", "stage", "status", "closeDate", "owner", "products", "closeReason", "tags");

    private final ServiceContext context;

    /**
     * Creates the service. Hosts get it from {@code crm.exports()}.
     *
     * @param context the service context
     */
    public ExportService(ServiceContext context) {
        this.context = context;
    }

    /**
     * Exports every account of the tenant, ordered by id. CSV columns: {@code id, name, domain,
     * industry, employees, annualRevenue, currency, parent, owner, street, city, postalCode,
     * region, country, tags} ({@code parent} holds the parent's id).
     *
     * @param out where to write
     * @param format the format
     * @return how many accounts were written
     * @throws UncheckedIOException if the writer fails
     */
    public long accounts(Writer out, ExportFormat format) {
        return export(out, format, Account.class, ACCOUNT_COLUMNS,
                request -> context.read(tx -> tx.accounts().list(request)),
                a -> cells(a.id().value(), a.name(), a.domain(), a.industry(), a.employees(),
                        a.annualRevenue() == null ? null : a.annualRevenue().amount().toPlainString(),
                        a.annualRevenue() == null ? null : a.annualRevenue().currencyCode(),
                        a.parentId() == null ? null : a.parentId().value(),
                        a.ownerId() == null ? null : a.ownerId().value(),
                        a.address() == null ? null : a.address().street(),
                        a.address() == null ? null : a.address().city(),
                        a.address() == null ? null : a.address().postalCode(),
                        a.address() == null ? null : a.address().region(),
                        a.address() == null ? null : a.address().country(),
                        String.join(";", a.tags())));
    }

    /**
     * Exports every contact of the tenant, ordered by id. CSV columns: {@code id, firstName,
     * lastName, email, phone, title, account, owner, lifecycleStage, street, city, postalCode,
     * region, country, tags} (the primary e-mail and phone; {@code account} holds the account's id).
     *
     * @param out where to write
     * @param format the format
     * @return how many contacts were written
     * @throws UncheckedIOException if the writer fails
     */
    public long contacts(Writer out, ExportFormat format) {
        return export(out, format, Contact.class, CONTACT_COLUMNS,
                request -> context.read(tx -> tx.contacts().list(request)),
                c -> cells(c.id().value(), c.firstName(), c.lastName(),
                        c.primaryEmail().map(EmailAddress::value).orElse(null),
                        c.primaryPhone().map(PhoneNumber::value).orElse(null), c.title(),
                        c.accountId() == null ? null : c.accountId().value(),
                        c.ownerId() == null ? null : c.ownerId().value(), c.lifecycleStage().name(),
                        c.address() == null ? null : c.address().street(),
                        c.address() == null ? null : c.address().city(),
                        c.address() == null ? null : c.address().postalCode(),
                        c.address() == null ? null : c.address().region(),
                        c.address() == null ? null : c.address().country(),
                        String.join(";", c.tags())));
    }

    /**
     * Exports every lead of the tenant, ordered by id. CSV columns: {@code id, firstName,
     * lastName, email, phone, company, domain, title, country, score, owner, source, status, tags}.
     *
     * @param out where to write
     * @param format the format
     * @return how many leads were written
     * @throws UncheckedIOException if the writer fails
     */
    public long leads(Writer out, ExportFormat format) {
        return export(out, format, Lead.class, LEAD_COLUMNS,
                request -> context.read(tx -> tx.leads().list(request)),
                l -> cells(l.id().value(), l.firstName(), l.lastName(),
                        l.email() == null ? null : l.email().value(), l.phone() == null ? null : l.phone().value(),
                        l.company(), l.companyDomain(), l.title(), l.country(), l.score(),
                        l.ownerId() == null ? null : l.ownerId().value(), l.source().name(), l.status().name(),
                        String.join(";", l.tags())));
    }

    /**
     * Exports every opportunity of the tenant, ordered by id. CSV columns: {@code id, name,
     * account, amount, currency, pipeline, stage, status, closeDate, owner, products, closeReason,
     * tags} ({@code products}: the line items' product ids, separated by {@code ;}).
     *
     * @param out where to write
     * @param format the format
     * @return how many opportunities were written
     * @throws UncheckedIOException if the writer fails
     */
    public long opportunities(Writer out, ExportFormat format) {
        return export(out, format, Opportunity.class, OPPORTUNITY_COLUMNS,
                request -> context.read(tx -> tx.opportunities().list(request)),
                o -> cells(o.id().value(), o.name(), o.accountId() == null ? null : o.accountId().value(),
                        o.amount() == null ? null : o.amount().amount().toPlainString(),
                        o.amount() == null ? null : o.amount().currencyCode(), o.pipelineId().value(), o.stage(),
                        o.status().name(), o.closeDate(), o.ownerId() == null ? null : o.ownerId().value(),
                        String.join(";", o.lineItems().stream().map(i -> i.productId().value()).toList()),
                        o.closeReason(), String.join(";", o.tags())));
    }

    /**
     * Makes a CSV cell safe to open in a spreadsheet: a cell starting with {@code =}, {@code +},
     * {@code -}, {@code @}, a tab or a carriage return gets a leading {@code '}, unless it is a
     * plain number such as {@code -12.5}.
     *
     * <pre>{@code
     * ExportService.formulaSafe("=HYPERLINK(\"x\")");   // "'=HYPERLINK(\"x\")"
     * ExportService.formulaSafe("-12.5");              // "-12.5"
     * }</pre>
     *
     * @param cell the cell
     * @return the escaped cell
     */
    public static String formulaSafe(String cell) {
        if (cell.isEmpty() || PLAIN_NUMBER.matcher(cell).matches()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }

    private static List<String> cells(@Nullable Object... values) {
        List<String> cells = new ArrayList<>(values.length);
        for (Object value : values) {
            cells.add(value == null ? "" : formulaSafe(value.toString()));
        }
        return cells;
    }

    private static <T> long export(Writer out, ExportFormat format, Class<T> type, List<String> columns,
            Function<PageRequest, Page<T>> pages, Function<T, List<String>> row) {
        Checks.notNull(out, "out");
        Checks.notNull(format, "format");
        long written = 0;
        try {
            SequenceWriter writer;
            if (format == ExportFormat.CSV) {
                CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
                columns.forEach(schema::addColumn);
                writer = CSV.writerFor(String[].class).with(schema.build()).writeValues(nonClosing(out));
            } else {
                writer = JSON.writerFor(type).writeValuesAsArray(nonClosing(out));
            }
            PageRequest request = PageRequest.first(PAGE);
            while (true) {
                Page<T> page = pages.apply(request);
                for (T item : page.items()) {
                    writer.write(format == ExportFormat.CSV ? row.apply(item).toArray(new String[0]) : item);
                    written++;
                }
                if (!page.hasNext()) {
                    break;
                }
                request = page.nextRequest();
            }
            writer.close();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("export failed after " + written + " records", e);
        }
        return written;
    }

    private static Writer nonClosing(Writer out) {
        return new java.io.FilterWriter(out) {
            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    @Override
    public String toString() {
        return "ExportService[" + Arrays.asList(ExportFormat.values()) + "]";
    }
}
