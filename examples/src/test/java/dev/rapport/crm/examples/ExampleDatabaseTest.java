package dev.rapport.crm.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.NewAccount;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples' database: the adapter's scripts run once, data survives in the H2 file. */
class ExampleDatabaseTest {
    @TempDir
    Path dir;

    @Test
    void theScriptsRunOnceAndAnAccountStoredInTheFileIsReadBackAfterReopening() throws Exception {
        String url = ExampleDatabase.freshH2File(dir, "crm");
        TenantId tenant = TenantId.of("shop");
        Account stored;
        try (ExampleDatabase db = ExampleDatabase.open(url)) {
            Crm crm = Crm.builder().store(db.store()).tenant(tenant).build();
            stored = crm.accounts().create(NewAccount.named("Acme GmbH").domain("acme.example"));
        }
        try (ExampleDatabase db = ExampleDatabase.open(url)) {       // the scripts are not run again
            Crm crm = Crm.builder().store(db.store()).tenant(tenant).build();
            assertThat(crm.accounts().get(stored.id())).isEqualTo(stored);
            assertThat(db.description()).startsWith("H2 file:").endsWith("crm");
        }
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM rapport_examples_schema_history")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(ExampleDatabase.scripts("h2").size()).isPositive();
        }
    }

    @Test
    void theScriptsAreReadInVersionOrderAndSplitIntoStatements() {
        assertThat(ExampleDatabase.scripts("postgresql")).first()
                .satisfies(s -> assertThat(s.name()).startsWith("V1__"));
        assertThat(ExampleDatabase.statements("-- comment\nCREATE TABLE a (x INT);\nCREATE INDEX i ON a (x);\n"))
                .containsExactly("CREATE TABLE a (x INT)", "CREATE INDEX i ON a (x)");
    }

    @Test
    void otherDatabasesAreRefusedByName() {
        assertThatThrownBy(() -> ExampleDatabase.folder("jdbc:mariadb://127.0.0.1/crm?user=root"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdbc:mariadb://127.0.0.1/crm")
                .hasMessageNotContaining("root");
    }

    @Test
    void theDemoRefusesADatabaseAskedForByUrlThatLacksWhatItNeedsAndUsesItOtherwise() {
        String url = ExampleDatabase.freshH2File(dir, "asked");
        ExampleDatabase db;
        try {
            db = Demo.database(url, dir, System.out);
        } catch (IllegalStateException refused) {
            assertThat(refused).hasMessageContaining("does not map").hasMessageContaining("yet");
            return;
        }
        assertThat(db).isNotNull();
        db.close();
    }
}
