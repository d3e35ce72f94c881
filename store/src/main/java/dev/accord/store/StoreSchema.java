package dev.accord.store;

import dev.accord.core.failure.FailureKind;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The schema a contract's store lives in ({@code accord.store.schema}, {@code ACCORD_STORE_SCHEMA}), so that several
 * contracts share one PostgreSQL database without touching each other's tables. Blank means the connection's
 * default schema, as before.
 *
 * <p>The schema travels in the JDBC URL as PostgreSQL's {@code currentSchema} parameter, not as a
 * {@code SET search_path} run when a connection opens: the driver sends it as the session's {@code search_path} in
 * the start-up packet, so it holds for every connection whoever opens it (the worker's pool, the CLI, Flyway), costs
 * no statement, and is what {@code RESET ALL} or {@code DISCARD ALL} return to. A statement run on connection init
 * would depend on each pool being configured for it, and a reset would undo it.
 *
 * <p>H2 stores take no schema: an H2 store is a database file of its own, so each contract gets its own
 * {@code ACCORD_STORE_URL} instead; naming a schema for one is refused.
 */
public final class StoreSchema {

    /** Lower-case SQL identifiers: they need no quoting in {@code search_path}, DDL or Flyway's settings. */
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern CURRENT_SCHEMA = Pattern.compile("[?&]currentSchema=([^&]*)");

    private StoreSchema() {}

    /**
     * {@code jdbcUrl} with its connections in {@code schema}: unchanged for a blank schema, else with
     * {@code currentSchema=<schema>} added.
     *
     * @throws StoreException (configuration) for a name that is not a plain lower-case identifier, an H2 URL, or a URL
     *     that names another {@code currentSchema}
     */
    public static String url(String jdbcUrl, String schema) {
        if (blank(schema)) {
            return jdbcUrl;
        }
        check(jdbcUrl, schema);
        Matcher named = CURRENT_SCHEMA.matcher(jdbcUrl);
        if (named.find()) {
            if (!named.group(1).equals(schema)) {
                throw misconfigured("the store URL names currentSchema=" + named.group(1) + " and the store schema is '" + schema
                        + "': name the schema once (ACCORD_STORE_SCHEMA)");
            }
            return jdbcUrl;
        }
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** What Flyway's {@code schemas} takes: none for the default schema, else the one it migrates into and creates if missing. */
    static String[] flywaySchemas(String jdbcUrl, String schema) {
        if (blank(schema)) {
            return new String[0];
        }
        check(jdbcUrl, schema);
        return new String[] {schema};
    }

    /** Fails unless the connections of {@code dataSource} work in {@code schema}: tables migrated there would be invisible otherwise. */
    static void verify(DataSource dataSource, String schema) {
        if (blank(schema)) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet current = statement.executeQuery("select current_schema()")) {
            String actual = current.next() ? current.getString(1) : null;
            if (!schema.equals(actual)) {
                throw misconfigured("the store's connections work in schema '" + actual + "', not in the store schema '" + schema
                        + "': open them with the URL StoreSchema.url gives (currentSchema=" + schema + ")");
            }
        } catch (SQLException e) {
            throw new StoreException("cannot check the Accord store's schema: " + e.getMessage(), e);
        }
    }

    private static void check(String jdbcUrl, String schema) {
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw misconfigured("a store schema ('" + schema + "') is for a PostgreSQL store; an H2 store is a database of its own:"
                    + " give each contract its own ACCORD_STORE_URL and leave ACCORD_STORE_SCHEMA unset");
        }
        if (!NAME.matcher(schema).matches()) {
            throw misconfigured("store schema '" + schema + "' is not a plain lower-case SQL name: use up to 63 of a-z, 0-9 and '_',"
                    + " not starting with a digit (ACCORD_STORE_SCHEMA, --store-schema)");
        }
    }

    private static boolean blank(String schema) {
        return schema == null || schema.isBlank();
    }

    private static StoreException misconfigured(String message) {
        return new StoreException(message, null, FailureKind.CONFIGURATION);
    }
}
