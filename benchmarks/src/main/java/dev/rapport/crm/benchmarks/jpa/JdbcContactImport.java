package dev.rapport.crm.benchmarks.jpa;

import dev.rapport.crm.identity.MatchKey;
import dev.rapport.crm.party.Contact;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The baseline of {@link JpaImportBenchmark}: the rows the adapter writes for a contact — its row,
 * one row per e-mail address and one per duplicate-detection key ({@link MatchKey#of(Contact)}) —
 * written with plain JDBC batches, one transaction per chunk. Only the benchmark's contacts are
 * supported: no phones, tags, custom fields, lifecycle history, address or external ids (the JSON
 * columns are written as the empty values the adapter writes for them).
 */
final class JdbcContactImport {
    private static final String CONTACT = "INSERT INTO rapport_contact (tenant_id, id, version, created_at,"
            + " created_at_nanos, updated_at, updated_at_nanos, first_name, last_name, phones, title, account_id,"
            + " owner_id, lifecycle_stage, lifecycle_history, journey_stage, tags, custom_fields)"
            + " VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, '[]', ?, ?, ?, ?, '[]', ?, '[]', '{}')";
    private static final String EMAIL = "INSERT INTO rapport_contact_email (tenant_id, contact_id, list_position,"
            + " email) VALUES (?, ?, ?, ?)";
    private static final String MATCH_KEY = "INSERT INTO rapport_contact_match_key (tenant_id, contact_id,"
            + " list_position, key_kind, key_value) VALUES (?, ?, ?, ?, ?)";

    private JdbcContactImport() {
    }

    /**
     * Inserts the contacts, {@code chunk} per transaction.
     *
     * @param connection the connection, left in manual commit mode
     * @param contacts contacts of one tenant, at version 1
     * @param chunk contacts per transaction
     * @throws SQLException if the database refuses
     */
    static void insert(Connection connection, List<Contact> contacts, int chunk) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement contact = connection.prepareStatement(CONTACT);
                PreparedStatement email = connection.prepareStatement(EMAIL);
                PreparedStatement key = connection.prepareStatement(MATCH_KEY)) {
            for (int i = 0; i < contacts.size(); i++) {
                Contact c = contacts.get(i);
                check(c);
                String tenant = c.tenantId().value();
                String id = c.id().value();
                contact.setString(1, tenant);
                contact.setString(2, id);
                contact.setTimestamp(3, column(c.createdAt()));
                contact.setInt(4, c.createdAt().getNano() % 1000);
                contact.setTimestamp(5, column(c.updatedAt()));
                contact.setInt(6, c.updatedAt().getNano() % 1000);
                contact.setString(7, c.firstName());
                contact.setString(8, c.lastName());
                contact.setString(9, c.title());
                contact.setString(10, c.accountId() == null ? null : c.accountId().value());
                contact.setString(11, c.ownerId() == null ? null : c.ownerId().value());
                contact.setString(12, c.lifecycleStage().name());
                contact.setString(13, c.journeyStage() == null ? null : c.journeyStage().name());
                contact.addBatch();
                for (int p = 0; p < c.emails().size(); p++) {
                    email.setString(1, tenant);
                    email.setString(2, id);
                    email.setInt(3, p);
                    email.setString(4, c.emails().get(p).value());
                    email.addBatch();
                }
                List<MatchKey> keys = MatchKey.of(c);
                for (int p = 0; p < keys.size(); p++) {
                    key.setString(1, tenant);
                    key.setString(2, id);
                    key.setInt(3, p);
                    key.setString(4, keys.get(p).kind().name());
                    key.setString(5, keys.get(p).value());
                    key.addBatch();
                }
                if (i % chunk == chunk - 1 || i == contacts.size() - 1) {
                    contact.executeBatch();
                    email.executeBatch();
                    key.executeBatch();
                    connection.commit();
                }
            }
        }
    }

    private static Timestamp column(Instant at) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
    }

    private static void check(Contact c) {
        if (c.version() != 1 || !c.phones().isEmpty() || !c.tags().isEmpty() || !c.lifecycleHistory().isEmpty()
                || !c.customFields().asMap().isEmpty() || c.address() != null || !c.externalIds().isEmpty()) {
            throw new IllegalArgumentException("the JDBC baseline writes only the benchmark's simple contacts");
        }
    }
}
