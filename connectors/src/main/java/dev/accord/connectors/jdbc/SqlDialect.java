package dev.accord.connectors.jdbc;

import com.zaxxer.hikari.HikariConfig;
import dev.accord.core.contract.SystemKind;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Everything that differs between the SQL databases Accord talks to; the statements are otherwise the
 * same plain SQL with bound parameters, built from quoted contract identifiers only.
 */
interface SqlDialect {

    static SqlDialect of(SystemKind kind) {
        return switch (kind) {
            case POSTGRES -> new PostgresDialect();
            case MARIADB -> new MariaDbDialect();
            case H2 -> new H2Dialect();
            default -> throw new ConnectionConfigurationException("kind " + kind.spelling() + " is not a JDBC database");
        };
    }

    /** Quotes a checked plain identifier; each part of {@code schema.table} separately. */
    String quote(String identifier);

    /** Quotes each dot-separated part; the contract loader has checked that no part contains a quote. */
    static String quoteEach(String identifier, char quote) {
        return Arrays.stream(identifier.split("\\.")).map(part -> quote + part + quote).collect(Collectors.joining("."));
    }

    /** The clause that ends a query after as many rows as its (last) bound parameter says. */
    String limit();

    /**
     * An insert of {@code columns} (all bound, in order) that leaves an existing row with the same key alone;
     * table, key and columns come quoted.
     * Its update count is 1 when the row was inserted and 0 when the key existed, unless
     * {@link #insertsOneByOne()}, in which case an existing key fails the statement with
     * {@link #isDuplicateKey a duplicate-key error} that leaves the transaction usable.
     */
    String insertIfAbsent(String table, String key, List<String> columns);

    /** True when {@link #insertIfAbsent} reports an existing key by an error, so inserts cannot be batched. */
    default boolean insertsOneByOne() {
        return false;
    }

    /** True for the error an existing key raises, when {@link #insertsOneByOne()}. */
    default boolean isDuplicateKey(SQLException e) {
        return false;
    }

    /** How Accord reads and binds a column of this JDBC type and database type name. */
    default ValueKind kind(int sqlType, String typeName) {
        return ValueKind.of(sqlType);
    }

    /** Where {@code text} holds the first character the column cannot store (a UTF-16 index), or -1 when it has none. */
    default int refusedCharacterAt(String text, Column column) {
        return -1;
    }

    /** The first and last day a date or time column of this type holds. */
    default java.time.LocalDate[] dateRange(Column column) {
        return new java.time.LocalDate[] {java.time.LocalDate.of(-4712, 1, 1), java.time.LocalDate.of(9999, 12, 31)};
    }

    /**
     * The reason code when {@code e} says the database refused a row's values (a data or constraint error that
     * leaves every other row writable), or null when it is another kind of failure. SQLSTATE classes 22 and 23.
     */
    default dev.accord.core.validation.ReasonCode dataError(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"))
                ? dev.accord.connectors.FailureClassifier.dataReason(state) : null;
    }

    /**
     * How long a system's database may keep a transaction whose client went quiet (a worker frozen mid-write) before
     * it ends it: below the activities' heartbeat timeout (30 s) minus their heartbeat interval (5 s), so a frozen
     * write is rolled back before another worker can take its attempt over, and can never commit after that.
     */
    int IDLE_TRANSACTION_SECONDS = 20;

    /** Session settings every pooled connection gets. */
    default void configure(HikariConfig config) {
    }
}
