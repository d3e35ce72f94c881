package dev.accord.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's databases, fresh for one run and dropped afterwards: PostgreSQL database
 * {@code <id>} with the source table, one target table per contender and a schema per Accord store, and
 * MariaDB database {@code <id>} with Accord's MariaDB target. Every target has the same shape: the
 * accounts table of another application, with its own column names, status spellings and credit in cents.
 */
final class BenchDatabases implements AutoCloseable {

    static final String SOURCE = "src_customers";
    /** Target tables in PostgreSQL, one per contender. */
    static final String ACCORD_TARGET = "dst_accord";
    static final String RAW_TARGET = "dst_raw";
    static final String COPY_TARGET = "dst_copy";
    static final String BATCH_TARGET = "dst_batch";

    private static final String TARGET_COLUMNS = """
            (account_ref varchar(16) primary key,
             display_name varchar(200),
             contact_email varchar(254),
             state_code varchar(3),
             credit_cents bigint,
             joined date,
             notes varchar(100),
             row_version bigint not null)""";

    final String id;
    final Jdbc postgres;
    final Jdbc mariadb;
    private final Jdbc postgresAdmin = new Jdbc(Jdbc.POSTGRES_HOST + "test", "postgres");
    private final Jdbc mariadbAdmin = new Jdbc(Jdbc.MARIADB_HOST + "test", "root");
    private final boolean withMariadb;

    private BenchDatabases(String id, boolean withMariadb) {
        this.id = id;
        this.withMariadb = withMariadb;
        this.postgres = new Jdbc(Jdbc.POSTGRES_HOST + id, "postgres");
        this.mariadb = new Jdbc(Jdbc.MARIADB_HOST + id, "root");
    }

    static BenchDatabases create(String id, boolean withMariadb) {
        BenchDatabases databases = new BenchDatabases(id, withMariadb);
        try {
            databases.postgresAdmin.execute("create database " + id);
            List<String> ddl = new ArrayList<>(List.of("""
                    create table %s (
                        id varchar(16) primary key,
                        full_name varchar(200),
                        email varchar(254),
                        status_code varchar(2),
                        credit_eur numeric(12, 2),
                        signup_date date,
                        updated_at timestamp(6) not null)""".formatted(SOURCE),
                    // A change-tracking column is indexed in any source a sync reads incrementally.
                    "create index " + SOURCE + "_cursor on " + SOURCE + " (updated_at, id)"));
            for (String table : List.of(ACCORD_TARGET, RAW_TARGET, COPY_TARGET, BATCH_TARGET)) {
                ddl.add("create table " + table + " " + TARGET_COLUMNS);
            }
            databases.postgres.execute(ddl.toArray(String[]::new));
            if (withMariadb) {
                databases.mariadbAdmin.execute("create database " + id + " character set utf8mb4 collate utf8mb4_bin");
                databases.mariadb.execute("create table " + ACCORD_TARGET + " " + TARGET_COLUMNS);
            }
        } catch (RuntimeException e) {
            databases.close();
            throw e;
        }
        return databases;
    }

    /** Creates one more empty PostgreSQL target of the same shape, {@code table}. */
    void createPostgresTarget(String table) {
        postgres.execute("create table " + table + " " + TARGET_COLUMNS);
    }

    /** The URL of an Accord store in its own schema of the benchmark's PostgreSQL database. */
    String storeUrl(String schema) {
        postgres.execute("create schema if not exists " + schema);
        return postgres.url() + "?currentSchema=" + schema;
    }

    /**
     * Customers C0000001… as a CRM application holds them: names with stray spaces and decomposed
     * accents (normalised on the way), status codes in two cases, credit in euros, some without credit.
     * Every row is valid, so every contender writes every row.
     */
    void seed(int customers) {
        String names = "(array['Ada','Grace','Alan','Jos\u0065\u0301','Zo\u00eb','\u00c5sa','Edsger'])[1 + i % 7] || ' ' || "
                + "(array['Lovelace','Hopper','Garc\u0069\u0301a','Liskov','Knuth'])[1 + (i / 7) % 5]";
        postgres.execute("""
                insert into %s (id, full_name, email, status_code, credit_eur, signup_date, updated_at)
                select 'C' || lpad(i::text, 7, '0'),
                       case when i %% 13 = 0 then '  ' || %s || '  ' else %s end,
                       'customer' || i || '@example.com',
                       case when i %% 17 = 0 then 's' when i %% 29 = 0 then 'C' else 'A' end,
                       case when i %% 19 = 0 then null else ((i * 37) %% 5000) + (i %% 100) / 100.0 end,
                       date '2020-01-01' + (i %% 1500),
                       timestamp '2024-06-01 08:00:00' + i * interval '1 millisecond'
                from generate_series(1, %d) as i""".formatted(SOURCE, names, names, customers),
                "analyze " + SOURCE);
    }

    /**
     * An order-independent fingerprint of a PostgreSQL target's mapped columns (not the version column or
     * notes), to check that two contenders wrote the same rows.
     */
    String fingerprint(String table) {
        return postgres.text("select count(*) || ':' || coalesce(sum(('x' || substr(md5(concat_ws('|', account_ref, display_name,"
                + " contact_email, state_code, credit_cents, joined)), 1, 15))::bit(60)::bigint), 0) from " + table);
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        List<Runnable> drops = new ArrayList<>();
        drops.add(() -> postgresAdmin.execute("drop database if exists " + id + " with (force)"));
        if (withMariadb) {
            drops.add(() -> mariadbAdmin.execute("drop database if exists " + id));
        }
        for (Runnable drop : drops) {
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
