package dev.accord.worker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The source and target tables of the bad-records suite, created fresh for one test on the local PostgreSQL (a
 * schema), MariaDB (a database) or an in-memory H2 database: the source's columns are wide (text keys without a
 * primary key, long text, big integers, six decimal places), the target's are what a real system has (a 255-character
 * key, {@code code varchar(8)}, {@code qty integer}, {@code price decimal(10,2)}, credit in whole cents). Source and
 * target may be of different kinds. Rows are inserted with an {@code updated_at} one second apart, in insertion order.
 */
final class BadRecordSystems implements AutoCloseable {

    final String id = "bad_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    final Side source;
    final Side target;
    private final Instant base = Instant.parse("2026-01-01T00:00:00Z");
    private int inserted;

    BadRecordSystems(String sourceKind, String targetKind) {
        this.source = new Side(sourceKind, id, "src_items");
        Side dst = null;
        try {
            dst = new Side(targetKind, id, "dst_items");
            source.db.execute(source.sql("create table %s (id %s, name %s, code varchar(100), email varchar(500), qty bigint,"
                    + " price decimal(20,6), credit decimal(20,6), updated_at %s not null)", source.table, source.text(100_000),
                    source.text(1_000_000), source.timestamp()));
            dst.db.execute(dst.sql("create table %s (id varchar(255) primary key, name %s, code varchar(8)%s, email varchar(254),"
                    + " qty integer, price decimal(10,2), credit_cents bigint, ver bigint)", dst.table, dst.text(1_000_000),
                    dst.kind.equals("mariadb") ? " character set utf8mb3" : ""));
        } catch (RuntimeException e) {
            source.close();
            if (dst != null) {
                dst.close();
            }
            throw e;
        }
        this.target = dst;
    }

    /** Inserts one source row per entry, in order; a value's absence is NULL. */
    void insert(List<Map<String, Object>> rows) {
        List<Object[]> values = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            values.add(new Object[] {row.get("id"), row.get("name"), row.get("code"), row.get("email"), row.get("qty"), row.get("price"),
                    row.get("credit"), Timestamp.from(base.plusSeconds(inserted++))});
        }
        source.db.batch("insert into " + source.table + " (id, name, code, email, qty, price, credit, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?)", values);
    }

    /** Inserts the rows all at one {@code updated_at} (a run of identical cursor values), after every row inserted so far. */
    void insertAtOneInstant(List<Map<String, Object>> rows) {
        Timestamp at = Timestamp.from(base.plusSeconds(inserted++));
        List<Object[]> values = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            values.add(new Object[] {row.get("id"), row.get("name"), row.get("code"), row.get("email"), row.get("qty"), row.get("price"),
                    row.get("credit"), at});
        }
        source.db.batch("insert into " + source.table + " (id, name, code, email, qty, price, credit, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?)", values);
    }

    /** The target's rows by key, columns lower-cased. */
    Map<String, Map<String, Object>> targetRows() {
        return target.db.rowsByKey("select id, name, code, email, qty, price, credit_cents, ver from " + target.table + " order by id");
    }

    /** The connection settings the contract's {@code url-env} and {@code user-env} name. */
    Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("BAD_SRC_URL", source.db.url());
        environment.put("BAD_SRC_USER", source.db.user());
        environment.put("BAD_DST_URL", target.db.url());
        environment.put("BAD_DST_USER", target.db.user());
        return environment;
    }

    /** Writes the suite's contract (and its schema) into {@code dir}, with {@code round} on the credit mapping if given. */
    Path contract(Path dir, String round) {
        String text = resource("bad-records.contract.yaml").replace("@SRC_KIND@", source.kind).replace("@DST_KIND@", target.kind)
                .replace("@SRC@", source.table)
                .replace("@DST@", target.table).replace("@ROUND@", round == null ? "" : "\n            round: " + round);
        try {
            Files.writeString(dir.resolve("item.schema.json"), resource("item.schema.json"));
            return Files.writeString(dir.resolve("bad-records.contract.yaml"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resource(String name) {
        try (InputStream in = BadRecordSystems.class.getResourceAsStream("/badrecords/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        source.close();
        if (target != null) {
            target.close();
        }
    }

    /** One side's database and table, created for this test and dropped with it. */
    static final class Side implements AutoCloseable {

        final String kind;
        final Db db;
        final String table;
        private final Runnable dropper;

        Side(String kind, String id, String name) {
            this.kind = kind;
            switch (kind) {
                case "postgres" -> {
                    db = Db.postgres();
                    db.execute("create schema if not exists " + id);
                    table = id + "." + name;
                    dropper = () -> db.execute("drop schema if exists " + id + " cascade");
                }
                case "mariadb" -> {
                    db = Db.mariadb();
                    db.execute("create database if not exists " + id + " character set utf8mb4");
                    table = id + "." + name;
                    dropper = () -> db.execute("drop database if exists " + id);
                }
                case "h2" -> {
                    db = Db.h2("jdbc:h2:mem:" + id + "_" + name + ";DB_CLOSE_DELAY=-1");
                    table = name;
                    dropper = () -> db.execute("shutdown");
                }
                default -> throw new IllegalArgumentException(kind);
            }
        }

        String sql(String template, Object... arguments) {
            return template.formatted(arguments);
        }

        /** A text type of at least {@code characters}. */
        String text(int characters) {
            return switch (kind) {
                case "postgres" -> "text";
                case "mariadb" -> characters > 65_535 ? "longtext" : "text";
                default -> "varchar(" + characters + ")";
            };
        }

        /** Changes a column's type in place, as a DBA's migration would under a running flow. */
        void alterType(String column, String type) {
            db.execute(switch (kind) {
                case "postgres" -> "alter table " + table + " alter column " + column + " type " + type;
                case "mariadb" -> "alter table " + table + " modify " + column + " " + type;
                default -> "alter table " + table + " alter column " + column + " set data type " + type;
            });
        }

        String timestamp() {
            return kind.equals("mariadb") ? "datetime(6)" : "timestamp(6)";
        }

        @Override
        public void close() {
            dropper.run();
        }
    }
}
