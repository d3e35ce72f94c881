package dev.accord.connectors.jdbc;

import dev.accord.core.contract.Contract;
import dev.accord.core.contract.ContractLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * One test's world: a unique table prefix, the test contract loaded for it, the connectors, and the
 * tables (and schema) it created, dropped again on close.
 */
final class Fixture implements AutoCloseable {

    final TestDatabase db;
    final String prefix;
    final String schema;
    final Contract contract;
    final JdbcConnectors connectors;
    private final Deque<String> drops = new ArrayDeque<>();

    Fixture(TestDatabase db) {
        this(db, db.environment());
    }

    Fixture(TestDatabase db, Map<String, String> environment) {
        this(db, environment, "t");
    }

    /** @param stem what the unique table prefix starts with, so a suite's leftovers can be told apart */
    Fixture(TestDatabase db, String stem) {
        this(db, db.environment(), stem);
    }

    private Fixture(TestDatabase db, Map<String, String> environment, String stem) {
        this.db = db;
        this.prefix = stem + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        this.schema = prefix + "_schema";
        this.contract = loadContract(db.kind, prefix, schema);
        this.connectors = new JdbcConnectors(contract, environment::get);
    }

    /** The full name of one of this test's tables, e.g. {@code table("src")}. */
    String table(String suffix) {
        return prefix + "_" + suffix;
    }

    /** Creates {@code table(suffix)} with the given column definitions (DDL placeholders allowed). */
    void create(String suffix, String columns) {
        createNamed(table(suffix), columns);
    }

    void createNamed(String name, String columns) {
        db.execute("CREATE TABLE " + name + " (" + columns + ")");
        drops.push("DROP TABLE IF EXISTS " + name);
    }

    /** Creates this test's schema (a database on MariaDB), dropped with everything in it on close. */
    void createSchema() {
        boolean mariadb = db.kind.equals("mariadb");
        db.execute((mariadb ? "CREATE DATABASE " : "CREATE SCHEMA ") + schema);
        drops.addLast(mariadb ? "DROP DATABASE IF EXISTS " + schema : "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    @Override
    public void close() {
        connectors.close();
        while (!drops.isEmpty()) {
            db.execute(drops.pop());
        }
    }

    static Contract loadContract(String kind, String prefix, String schema) {
        try {
            Path folder = Path.of(Fixture.class.getResource("/jdbc/items.contract.yaml").toURI()).getParent();
            String text = Files.readString(folder.resolve("items.contract.yaml"))
                    .replace("{kind}", kind.toLowerCase(Locale.ROOT)).replace("{p}", prefix).replace("{schema}", schema);
            return new ContractLoader().load(text, "items.contract.yaml", folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
