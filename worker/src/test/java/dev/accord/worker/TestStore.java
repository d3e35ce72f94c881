package dev.accord.worker;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.accord.store.AccordStore;
import java.util.List;
import java.util.Map;

/**
 * An Accord store of its own for one test: a fresh schema on the local PostgreSQL (reached with
 * {@code currentSchema}, so Flyway migrates into it), or an in-memory H2 database. Besides the store it
 * offers plain SQL over the store's tables, for assertions.
 */
final class TestStore implements AutoCloseable {

    final String url;
    final String schema;
    final AccordStore store;
    final Db db;
    private final HikariDataSource dataSource;
    private final Runnable dropper;

    private TestStore(String url, String schema, Db db, Runnable dropper) {
        this.url = url;
        this.schema = schema;
        this.db = db;
        this.dropper = dropper;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(6);
        config.setPoolName("store-" + schema);
        this.dataSource = new HikariDataSource(config);
        try {
            this.store = AccordStore.open(dataSource, url);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    static TestStore postgres(String schema) {
        Db.postgres().execute("create schema " + schema);
        String url = Db.POSTGRES_URL + "?currentSchema=" + schema;
        return new TestStore(url, schema, new Db(url, "postgres", ""),
                () -> Db.postgres().execute("drop schema if exists " + schema + " cascade"));
    }

    /** A store of its own on {@code database} ({@code postgres} or {@code h2}), named {@code prefix} and a random suffix. */
    static TestStore on(String database, String prefix) {
        String name = prefix + "_" + java.util.UUID.randomUUID().toString().substring(0, 8);
        return "postgres".equals(database) ? postgres(name) : h2(name);
    }

    static TestStore h2(String name) {
        String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
        Db db = Db.h2(url);
        return new TestStore(url, name, db, () -> db.execute("shutdown"));
    }

    long count(String table) {
        return db.count("select count(*) from " + table);
    }

    long count(String table, String where, Object... parameters) {
        return db.count("select count(*) from " + table + " where " + where, parameters);
    }

    List<Map<String, Object>> rows(String sql, Object... parameters) {
        return db.rows(sql, parameters);
    }

    /** Row counts of the tables a retried or replayed step must not grow. */
    Map<String, Long> ledger() {
        return Map.of("applied_change", count("applied_change"), "field_history", count("field_history"),
                "change_log", count("change_log"), "quarantine", count("quarantine"),
                "golden_revisions", db.count("select coalesce(sum(revision), 0) from golden_record"));
    }

    void killSwitch(boolean engaged, String reason) {
        store.inTransaction(c -> {
            store.killSwitch().set(c, engaged, reason, "test");
            return null;
        });
    }

    @Override
    public void close() {
        dataSource.close();
        dropper.run();
    }
}
