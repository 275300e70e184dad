package dev.rapport.crm.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The entity mapping validates against the shipped migration script of each database (Hibernate's
 * {@code hbm2ddl.auto=validate}), and the check bites: a script that lacks a mapped column fails.
 */
class SchemaValidationTest {
    @Test
    void theMappingValidatesAgainstTheH2Script() throws Exception {
        String url = "jdbc:h2:mem:validate-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Connection connection = DriverManager.getConnection(url)) {
            TestDatabase.H2.recreate(connection);
            assertValidates(url);
        }
    }

    @Test
    void aScriptThatLacksAMappedColumnFailsTheValidation() throws Exception {
        String url = "jdbc:h2:mem:validate-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Connection connection = DriverManager.getConnection(url)) {
            TestDatabase.H2.recreate(connection);
            try (Statement st = connection.createStatement()) {
                st.execute("ALTER TABLE rapport_opportunity DROP COLUMN stage_history");
            }
            assertThatThrownBy(() -> TestDatabase.factory(TestDatabase.Provider.HIBERNATE, url).close())
                    .isInstanceOf(PersistenceException.class)
                    .hasStackTraceContaining("stage_history");
        }
    }

    @Test
    void aSecondScriptThatLacksAMappedColumnFailsTheValidation() throws Exception {
        String url = "jdbc:h2:mem:validate-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Connection connection = DriverManager.getConnection(url)) {
            TestDatabase.H2.recreate(connection);
            try (Statement st = connection.createStatement()) {
                st.execute("ALTER TABLE rapport_ticket DROP COLUMN sla_policy");
            }
            assertThatThrownBy(() -> TestDatabase.factory(TestDatabase.Provider.HIBERNATE, url).close())
                    .isInstanceOf(PersistenceException.class)
                    .hasStackTraceContaining("sla_policy");
        }
    }

    @Test
    @EnabledIfSystemProperty(named = TestDatabase.POSTGRES_URL, matches = ".+")
    void theMappingValidatesAgainstThePostgresqlScript() throws Exception {
        try (Connection connection = TestDatabase.POSTGRESQL.connect()) {
            TestDatabase.POSTGRESQL.recreate(connection);
        }
        assertValidates(TestDatabase.POSTGRESQL.url());
    }

    @Test
    @EnabledIfSystemProperty(named = TestDatabase.MARIADB_URL, matches = ".+")
    void theMappingValidatesAgainstTheMariadbScript() throws Exception {
        try (Connection connection = TestDatabase.MARIADB.connect()) {
            TestDatabase.MARIADB.recreate(connection);
        }
        assertValidates(TestDatabase.MARIADB.url());
    }

    private static void assertValidates(String url) {
        EntityManagerFactory factory = TestDatabase.factory(TestDatabase.Provider.HIBERNATE, url);
        try {
            assertThat(factory.isOpen()).isTrue();
            assertThat(factory.getMetamodel().getEntities()).extracting(e -> e.getName())
                    .contains("RapportContact", "RapportAccount", "RapportLead", "RapportPipeline",
                            "RapportOpportunity", "RapportSubscription", "RapportCustomFieldSchema",
                            "RapportOutboxEvent", "RapportActivity", "RapportTask", "RapportTicket",
                            "RapportCampaign", "RapportCampaignMember", "RapportConsent", "RapportTombstone",
                            "RapportMergeRecord", "RapportExternalKey");
        } finally {
            factory.close();
        }
    }
}
