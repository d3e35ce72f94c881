package dev.accord.cli.crash;

import dev.accord.cli.crash.CrashContract.Account;
import dev.accord.cli.crash.CrashContract.SourceCustomer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The crash test's databases, fresh for one run and dropped afterwards: the source table in schema
 * {@code <id>} of the local PostgreSQL, the target table in database {@code <id>} of the local MariaDB,
 * and the Accord store in schema {@code <id>_store} of PostgreSQL.
 */
final class CrashSystems implements AutoCloseable {

    /** A target row: its mapped and unmapped values, and the version column Accord compares and sets. */
    record Stored(Account account, long version) {}

    private static final List<String> FIRST = List.of("Ada", "Grace", "Alan", "Jos\u0065\u0301", "Zo\u00eb", "\u00c5sa", "Edsger");
    private static final List<String> LAST = List.of("Lovelace", "Hopper", "Garc\u0069\u0301a", "Liskov", "Knuth");

    private static final long ANALYZE_EVERY_NANOS = 15_000_000_000L;
    private static final List<String> BUSY_STORE_TABLES = List.of("golden_record", "applied_change", "echo_memory",
            "target_delivery", "change_log", "backfill_chunk");

    final String id;
    final Jdbc postgres = Jdbc.postgres();
    final Jdbc mariadb = Jdbc.mariadb();
    final Jdbc store;
    private Boolean autovacuum;
    private long analyzedAt;

    private CrashSystems(String id) {
        this.id = id;
        this.store = new Jdbc(storeUrl(id), "postgres");
    }

    static CrashSystems create(String id) {
        CrashSystems systems = new CrashSystems(id);
        try {
            systems.postgres.execute("create schema " + id, "create schema " + id + "_store");
            systems.mariadb.execute("create database " + id + " character set utf8mb4 collate utf8mb4_bin");
            systems.postgres.execute("""
                    create table %s (
                        id varchar(16) primary key,
                        full_name varchar(200),
                        email varchar(254),
                        status_code varchar(2),
                        credit_eur numeric(12, 2),
                        signup_date date,
                        updated_at timestamp(6) not null)""".formatted(systems.sourceTable()));
            systems.mariadb.execute("""
                    create table %s (
                        account_ref varchar(16) primary key,
                        display_name varchar(200),
                        contact_email varchar(254),
                        state_code varchar(3),
                        credit_cents bigint,
                        joined date,
                        notes varchar(100),
                        row_version bigint not null)""".formatted(systems.targetTable()));
        } catch (RuntimeException e) {
            systems.close();
            throw e;
        }
        return systems;
    }

    private static String storeUrl(String id) {
        return Jdbc.POSTGRES_URL + "?currentSchema=" + id + "_store";
    }

    String storeUrl() {
        return storeUrl(id);
    }

    String sourceTable() {
        return id + ".src_customers";
    }

    String targetTable() {
        return id + ".dst_accounts";
    }

    /** The environment variables the contract's connections name. */
    Map<String, String> connectionEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("CRASH_SRC_JDBC_URL", Jdbc.POSTGRES_URL);
        environment.put("CRASH_SRC_DB_USER", "postgres");
        environment.put("CRASH_DST_JDBC_URL", Jdbc.MARIADB_URL);
        environment.put("CRASH_DST_DB_USER", "root");
        return environment;
    }

    /**
     * Customers C000001… in the source, as the CRM's application would hold them: names with stray spaces
     * and decomposed accents, status codes in two cases, credit in euros, some without credit; and some that
     * break the schema (an e-mail without '@' every 97th, an unknown status 'X' every 211th, a blank name
     * every 389th).
     */
    void seedSource(int customers) {
        String names = "(array['" + String.join("','", FIRST) + "'])[1 + i % 7] || ' ' || (array['" + String.join("','", LAST)
                + "'])[1 + (i / 7) % 5]";
        postgres.execute("""
                insert into %s (id, full_name, email, status_code, credit_eur, signup_date, updated_at)
                select 'C' || lpad(i::text, 6, '0'),
                       case when i %% 389 = 0 then '   ' when i %% 13 = 0 then '  ' || %s || '  ' else %s end,
                       case when i %% 97 = 0 then 'not-an-email-' || i else 'customer' || i || '@example.com' end,
                       case when i %% 211 = 0 then 'X' when i %% 17 = 0 then 's' when i %% 29 = 0 then 'C' else 'A' end,
                       case when i %% 19 = 0 then null else ((i * 37) %% 5000) + (i %% 100) / 100.0 end,
                       date '2020-01-01' + (i %% 1500),
                       timestamp '2024-06-01 08:00:00' + i * interval '1 millisecond'
                from generate_series(1, %d) as i""".formatted(sourceTable(), names, names, customers));
    }

    List<SourceCustomer> sourceRows() {
        return postgres.query("select id, full_name, email, status_code, credit_eur, signup_date::text from " + sourceTable()
                + " order by id", r -> new SourceCustomer(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                r.getBigDecimal(5), r.getString(6)));
    }

    /**
     * Stands in for autovacuum where the server runs without it (this machine's PostgreSQL has
     * {@code autovacuum = off}): every 15 s, fresh statistics for the store's busy tables. Without any, the
     * planner takes the store's freshly filled tables for tiny and answers key lookups
     * ({@code record_key in (…)}) by scanning everything under the domain, which slows a 100k backfill
     * down threefold.
     */
    void analyzeStoreIfDue() {
        if (autovacuum == null) {
            autovacuum = "on".equals(postgres.query("show autovacuum", r -> r.getString(1)).get(0));
        }
        if (autovacuum || System.nanoTime() - analyzedAt < ANALYZE_EVERY_NANOS) {
            return;
        }
        analyzedAt = System.nanoTime();
        store.execute(BUSY_STORE_TABLES.stream().map(t -> "analyze " + t).toArray(String[]::new));
    }

    /** Inserts rows into the target as its own application would, each with its version. */
    void seedTarget(Map<String, Stored> rows) {
        List<Object[]> values = new ArrayList<>();
        rows.forEach((key, row) -> values.add(new Object[] {key, row.account().name(), row.account().email(), row.account().state(),
            row.account().creditCents(), row.account().joined() == null ? null : java.sql.Date.valueOf(row.account().joined()),
            row.account().notes(), row.version()}));
        mariadb.insert(targetTable(), List.of("account_ref", "display_name", "contact_email", "state_code", "credit_cents", "joined",
                "notes", "row_version"), values, 1000);
    }

    /** Every target row by key, in key order. */
    TreeMap<String, Stored> targetRows() {
        TreeMap<String, Stored> rows = new TreeMap<>();
        mariadb.query("select account_ref, display_name, contact_email, state_code, credit_cents, joined, notes, row_version from "
                + targetTable(), r -> rows.put(r.getString(1), new Stored(new Account(r.getString(2), r.getString(3), r.getString(4),
                (Long) r.getObject(5, Long.class), r.getString(6), r.getString(7)), r.getLong(8))));
        return rows;
    }

    /**
     * MD5 over every target row in key order: the key and every column except the version column. Rollback
     * restores values with compare-and-set, which moves the version on (it never goes back), so the version
     * is not part of what "restored" means.
     */
    static String checksum(TreeMap<String, Stored> rows) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            rows.forEach((key, row) -> {
                Account a = row.account();
                String line = String.join("\t", key, text(a.name()), text(a.email()), text(a.state()), text(a.creditCents()),
                        text(a.joined()), text(a.notes())) + "\n";
                md5.update(line.getBytes(StandardCharsets.UTF_8));
            });
            return HexFormat.of().formatHex(md5.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object value) {
        return value == null ? "\\N" : value.toString();
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (Runnable drop : List.<Runnable>of(
                () -> postgres.execute("drop schema if exists " + id + " cascade"),
                () -> postgres.execute("drop schema if exists " + id + "_store cascade"),
                () -> mariadb.execute("drop database if exists " + id))) {
            try {
                drop.run();
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
