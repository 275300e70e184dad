package dev.rapport.crm.jpa;

/** Column sizes shared by the entities and the SQL scripts. */
final class Columns {
    /** The length of a JSON text column: TEXT on PostgreSQL, LONGTEXT on MariaDB, VARCHAR on H2. */
    static final int TEXT = 1_000_000;

    private Columns() {
    }
}
