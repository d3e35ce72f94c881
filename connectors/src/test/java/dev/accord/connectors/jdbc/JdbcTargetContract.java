package dev.accord.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.accord.connectors.TargetConnector;
import dev.accord.connectors.TargetRow;
import dev.accord.connectors.TargetWrite;
import dev.accord.connectors.TargetWrite.Kind;
import dev.accord.connectors.WriteResult;
import dev.accord.core.validation.ReasonCode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every JDBC target must do; each subclass runs it against one database. */
abstract class JdbcTargetContract {

    static final String DST_COLUMNS = "id BIGINT PRIMARY KEY, name VARCHAR(200), price DECIMAL(12,2), active {bool}, born_on DATE,"
            + " seen_at {tstz}, seen_local {ts}, qty INTEGER, ver BIGINT, removed_at {ts}";

    Fixture fx;
    TargetConnector dst;

    abstract TestDatabase database();

    @BeforeEach
    void open() {
        fx = new Fixture(database());
        fx.create("dst", DST_COLUMNS);
        dst = fx.connectors.target("dst", "item");
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void insertsAnAbsentRowWithVersionOneAndTheKeyInTheKeysType() {
        List<WriteResult> results = dst.apply(List.of(upsert("7", null, Map.of("name", "Ada", "qty", 3L))));

        assertThat(results).containsExactly(applied("7", 1L));
        assertThat(row(7)).containsEntry("name", "Ada").containsEntry("ver", 1L).containsEntry("removed_at", null);
        assertThat(((Number) row(7).get("qty")).longValue()).isEqualTo(3L);
    }

    @Test
    void anInsertConflictsWhenTheRowExistsEvenSoftDeletedAndTheOtherWritesStillLand() {
        fx.db.execute("INSERT INTO " + fx.table("dst") + " (id, name, ver) VALUES (7, 'theirs', 4)",
                "INSERT INTO " + fx.table("dst") + " (id, name, ver, removed_at) VALUES (9, 'gone', 2, TIMESTAMP '2024-03-01 00:00:00')");

        List<WriteResult> results = dst.apply(List.of(upsert("7", null, Map.of("name", "ours")), upsert("8", null, Map.of("name", "new")),
                upsert("9", null, Map.of("name", "back"))));

        assertThat(results).containsExactly(conflict("7"), applied("8", 1L), conflict("9"));
        assertThat(row(7)).containsEntry("name", "theirs").containsEntry("ver", 4L);
        assertThat(row(8)).containsEntry("name", "new");
        assertThat(row(9)).containsEntry("name", "gone");
    }

    @Test
    void anUpdateConflictsWhenAConcurrentWriterBumpedTheVersion() {
        dst.apply(List.of(upsert("7", null, Map.of("name", "first"))));
        fx.db.execute("UPDATE " + fx.table("dst") + " SET name = 'theirs', ver = ver + 1 WHERE id = 7");

        assertThat(dst.apply(List.of(upsert("7", 1L, Map.of("name", "ours"))))).containsExactly(conflict("7"));
        assertThat(row(7)).containsEntry("name", "theirs").containsEntry("ver", 2L);
        assertThat(dst.apply(List.of(upsert("7", 2L, Map.of("name", "ours"))))).containsExactly(applied("7", 3L));
        assertThat(row(7)).containsEntry("name", "ours").containsEntry("ver", 3L);
    }

    @Test
    void aSoftDeleteStampsTheRowAndBumpsTheVersion() {
        dst.apply(List.of(upsert("7", null, Map.of("name", "Ada"))));

        assertThat(dst.apply(List.of(new TargetWrite("7", 1L, Kind.DELETE, Map.of())))).containsExactly(applied("7", 2L));
        assertThat(dst.apply(List.of(new TargetWrite("7", 1L, Kind.DELETE, Map.of())))).containsExactly(conflict("7"));
        LocalDateTime removedAt = fx.db.value("SELECT removed_at FROM " + fx.table("dst"), LocalDateTime.class);
        assertThat(removedAt).isCloseTo(LocalDateTime.now(ZoneId.of("America/New_York")), within(1, ChronoUnit.MINUTES));
        assertThat(row(7)).containsEntry("ver", 2L).containsEntry("name", "Ada");
        TargetRow read = dst.readByKeys(List.of("7")).get("7");
        assertThat(read.deleted()).isTrue();
        assertThat(read.version()).isEqualTo(2L);
    }

    @Test
    void aHardDeleteRemovesTheRowOnlyAtTheExpectedVersion() {
        fx.create("hard", "code VARCHAR(40) PRIMARY KEY, name VARCHAR(200), ver BIGINT");
        TargetConnector hard = fx.connectors.target("hard", "item");
        hard.apply(List.of(upsert("C-1", null, Map.of("name", "one")), upsert("C-2", null, Map.of("name", "two"))));

        List<WriteResult> results = hard.apply(List.of(new TargetWrite("C-1", 1L, Kind.DELETE, Map.of()),
                new TargetWrite("C-2", 5L, Kind.DELETE, Map.of())));

        assertThat(results).containsExactly(new WriteResult("C-1", WriteResult.Status.APPLIED, null), conflict("C-2"));
        assertThat(fx.db.query("SELECT code, name, ver FROM " + fx.table("hard")))
                .containsExactly(Map.of("code", "C-2", "name", "two", "ver", 1L));
        assertThat(hard.readByKeys(List.of("C-1", "C-2")).keySet()).containsExactly("C-2");
    }

    @Test
    void removeDeletesTheRowEvenWhenDeletesAreSoft() {
        dst.apply(List.of(upsert("7", null, Map.of("name", "Ada"))));

        assertThat(dst.apply(List.of(new TargetWrite("7", 1L, Kind.REMOVE, Map.of()))))
                .containsExactly(new WriteResult("7", WriteResult.Status.APPLIED, null));
        assertThat(fx.db.query("SELECT id FROM " + fx.table("dst"))).isEmpty();
    }

    @Test
    void undeleteThenUpsertInOneApplyBringsTheRowBack() {
        dst.apply(List.of(upsert("7", null, Map.of("name", "Ada"))));
        dst.apply(List.of(new TargetWrite("7", 1L, Kind.DELETE, Map.of())));

        List<WriteResult> results = dst.apply(List.of(new TargetWrite("7", 2L, Kind.UNDELETE, Map.of()),
                upsert("7", 3L, Map.of("name", "Ada Lovelace"))));

        assertThat(results).containsExactly(applied("7", 3L), applied("7", 4L));
        assertThat(row(7)).containsEntry("name", "Ada Lovelace").containsEntry("ver", 4L).containsEntry("removed_at", null);
        assertThat(dst.readByKeys(List.of("7")).get("7").deleted()).isFalse();
    }

    @Test
    void aKeysLaterWritesDoNotRunOnceOneOfItsWritesConflicted() {
        dst.apply(List.of(upsert("7", null, Map.of("name", "Ada"))));
        dst.apply(List.of(upsert("7", 1L, Map.of("name", "Ada L."))));
        dst.apply(List.of(upsert("8", null, Map.of("name", "Bob"))));

        List<WriteResult> results = dst.apply(List.of(new TargetWrite("7", 1L, Kind.UNDELETE, Map.of()),
                upsert("7", 2L, Map.of("name", "Overwritten")), upsert("8", 1L, Map.of("name", "Bob B."))));

        assertThat(results).containsExactly(new WriteResult("7", WriteResult.Status.CONFLICT, null),
                new WriteResult("7", WriteResult.Status.CONFLICT, null), applied("8", 2L));
        assertThat(row(7)).containsEntry("name", "Ada L.").containsEntry("ver", 2L);
    }

    @Test
    void valuesTheColumnsCannotHoldAreRejectedBeforeAnythingIsWrittenAndTheOtherRowsLand() {
        List<TargetWrite> writes = List.of(upsert("7", null, Map.of("name", "Ada")), upsert("8", null, Map.of("name", "x".repeat(201))),
                upsert("9", null, Map.of("qty", 3_000_000_000L)), upsert("10", null, Map.of("price", new BigDecimal("1.234"))),
                upsert("11", null, Map.of("price", new BigDecimal("12345678901.5"))), upsert("12", null, Map.of("name", "Grace")));

        assertThat(dst.check(writes)).containsOnlyKeys("8", "9", "10", "11");
        List<WriteResult> results = dst.apply(writes);

        assertThat(results).extracting(WriteResult::status).containsExactly(WriteResult.Status.APPLIED, WriteResult.Status.REJECTED,
                WriteResult.Status.REJECTED, WriteResult.Status.REJECTED, WriteResult.Status.REJECTED, WriteResult.Status.APPLIED);
        assertThat(results.get(1).rejection().reason()).isEqualTo(ReasonCode.VALUE_TOO_LONG);
        assertThat(results.get(1).rejection().column()).isEqualToIgnoringCase("name");
        assertThat(results.get(1).rejection().detail()).contains("200").doesNotContain("xxxx");
        assertThat(results.get(2).rejection().reason()).isEqualTo(ReasonCode.VALUE_OUT_OF_RANGE);
        assertThat(results.get(3).rejection().reason()).isEqualTo(ReasonCode.PRECISION_LOSS);
        assertThat(results.get(4).rejection().reason()).isEqualTo(ReasonCode.VALUE_OUT_OF_RANGE);
        assertThat(fx.db.query("SELECT id FROM " + fx.table("dst") + " ORDER BY id")).extracting(r -> ((Number) r.get("id")).longValue())
                .containsExactly(7L, 12L);
    }

    @Test
    void rowsTheDatabaseRefusesAreIsolatedWhereverTheyAreInTheBatchAndTheRestCommits() {
        fx.db.execute("ALTER TABLE " + fx.table("dst") + " ADD CONSTRAINT dst_qty_positive CHECK (qty >= 0)");
        List<TargetWrite> writes = new ArrayList<>();
        IntStream.rangeClosed(1, 9).forEach(i -> writes.add(upsert(String.valueOf(i), null,
                Map.of("name", "n" + i, "qty", i == 1 || i == 5 || i == 9 ? -1L : (long) i))));

        List<WriteResult> results = dst.apply(writes);

        assertThat(results).extracting(WriteResult::key, WriteResult::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("1", WriteResult.Status.REJECTED), org.assertj.core.groups.Tuple.tuple("2", WriteResult.Status.APPLIED),
                org.assertj.core.groups.Tuple.tuple("3", WriteResult.Status.APPLIED), org.assertj.core.groups.Tuple.tuple("4", WriteResult.Status.APPLIED),
                org.assertj.core.groups.Tuple.tuple("5", WriteResult.Status.REJECTED), org.assertj.core.groups.Tuple.tuple("6", WriteResult.Status.APPLIED),
                org.assertj.core.groups.Tuple.tuple("7", WriteResult.Status.APPLIED), org.assertj.core.groups.Tuple.tuple("8", WriteResult.Status.APPLIED),
                org.assertj.core.groups.Tuple.tuple("9", WriteResult.Status.REJECTED));
        assertThat(results.get(0).rejection().reason()).isEqualTo(ReasonCode.TARGET_REJECTED);
        assertThat(fx.db.query("SELECT id FROM " + fx.table("dst") + " ORDER BY id")).extracting(r -> ((Number) r.get("id")).longValue())
                .containsExactly(2L, 3L, 4L, 6L, 7L, 8L);
    }

    @Test
    void aLoneRowTheDatabaseRefusesIsRejectedAndAnUpdateOfItLeavesTheRowAsItWas() {
        fx.db.execute("CREATE UNIQUE INDEX dst_name_unique ON " + fx.table("dst") + " (name)");
        dst.apply(List.of(upsert("1", null, Map.of("name", "Ada")), upsert("2", null, Map.of("name", "Grace"))));

        List<WriteResult> results = dst.apply(List.of(upsert("2", 1L, Map.of("name", "Ada", "qty", 5L))));

        assertThat(results).extracting(WriteResult::status).containsExactly(WriteResult.Status.REJECTED);
        assertThat(results.get(0).rejection().reason()).isEqualTo(ReasonCode.TARGET_REJECTED);
        assertThat(results.get(0).rejection().detail()).doesNotContain("'Ada'").doesNotContain("(Ada)");
        assertThat(row(2)).containsEntry("name", "Grace").containsEntry("ver", 1L);
    }

    @Test
    void roundTripsEveryValueTypeWithTheSystemsZoneForLocalTimestamps() {
        Map<String, Object> values = new HashMap<>();
        values.put("name", "Zoë");
        values.put("price", new BigDecimal("1234.56"));
        values.put("active", true);
        values.put("born_on", LocalDate.parse("1990-05-17"));
        values.put("seen_at", OffsetDateTime.parse("2024-03-01T12:00:00+02:00"));
        values.put("seen_local", OffsetDateTime.parse("2024-07-01T12:00:00Z"));
        values.put("qty", 5);

        assertThat(dst.apply(List.of(upsert("7", null, values)))).containsExactly(applied("7", 1L));

        String table = fx.table("dst");
        assertThat(fx.db.value("SELECT seen_local FROM " + table, LocalDateTime.class)).isEqualTo("2024-07-01T08:00:00");
        Map<String, Object> read = dst.readByKeys(List.of("7")).get("7").columns();
        assertThat(read).containsEntry("id", 7L).containsEntry("name", "Zoë").containsEntry("price", new BigDecimal("1234.56"))
                .containsEntry("active", true).containsEntry("born_on", "1990-05-17")
                .containsEntry("seen_local", "2024-07-01T08:00");
        assertThat(((Number) read.get("qty")).longValue()).isEqualTo(5L);
        if (fx.db.hasZonedTimestamps()) {
            assertThat(OffsetDateTime.parse((String) read.get("seen_at")).toInstant()).isEqualTo("2024-03-01T10:00:00Z");
        } else {
            assertThat(read.get("seen_at")).isEqualTo("2024-03-01T05:00");
        }
    }

    @Test
    void writesNullsAndLocalTimesAsGiven() {
        dst.apply(List.of(upsert("7", null, Map.of("name", "Ada", "price", new BigDecimal("1.50"), "active", false, "qty", 2L))));
        Map<String, Object> nulls = new HashMap<>();
        List.of("name", "price", "active", "born_on", "seen_at", "qty").forEach(c -> nulls.put(c, null));
        nulls.put("seen_local", LocalDateTime.parse("2024-01-02T03:04:05.123456"));

        assertThat(dst.apply(List.of(upsert("7", 1L, nulls)))).containsExactly(applied("7", 2L));

        assertThat(row(7)).containsEntry("name", null).containsEntry("price", null).containsEntry("active", null)
                .containsEntry("born_on", null).containsEntry("seen_at", null).containsEntry("qty", null);
        assertThat(fx.db.value("SELECT seen_local FROM " + fx.table("dst"), LocalDateTime.class)).isEqualTo("2024-01-02T03:04:05.123456");
    }

    @Test
    void batchesMixedWritesAndReportsEachRowInOrder() {
        dst.apply(IntStream.rangeClosed(1, 20).mapToObj(i -> upsert(String.valueOf(i), null, Map.of("name", "v1"))).toList());
        List<TargetWrite> writes = new ArrayList<>();
        IntStream.rangeClosed(1, 10).forEach(i -> writes.add(upsert(String.valueOf(i), i == 5 ? 9L : 1L, Map.of("name", "v2"))));
        IntStream.rangeClosed(19, 23).forEach(i -> writes.add(upsert(String.valueOf(i), null, Map.of("name", "new"))));
        writes.add(new TargetWrite("11", 1L, Kind.DELETE, Map.of()));
        writes.add(new TargetWrite("12", 1L, Kind.REMOVE, Map.of()));

        List<WriteResult> results = dst.apply(writes);

        List<WriteResult> expected = new ArrayList<>();
        IntStream.rangeClosed(1, 10).forEach(i -> expected.add(i == 5 ? conflict("5") : applied(String.valueOf(i), 2L)));
        expected.addAll(List.of(conflict("19"), conflict("20"), applied("21", 1L), applied("22", 1L), applied("23", 1L)));
        expected.addAll(List.of(applied("11", 2L), new WriteResult("12", WriteResult.Status.APPLIED, null)));
        assertThat(results).containsExactlyElementsOf(expected);
        assertThat(row(5)).containsEntry("name", "v1");
        assertThat(row(6)).containsEntry("name", "v2");
        assertThat(fx.db.query("SELECT COUNT(*) AS n FROM " + fx.table("dst")).get(0).get("n")).asString().isEqualTo("22");
    }

    @Test
    void readsRowsByKeyWithVersionsInBatches() {
        fx.db.batch("INSERT INTO " + fx.table("dst") + " (id, name, ver) VALUES (?, 'n', ?)", 1203, i -> new Object[] {i, i % 3});
        List<String> keys = new ArrayList<>(IntStream.rangeClosed(1, 1203).mapToObj(String::valueOf).toList());
        keys.add("5000");

        Map<String, TargetRow> rows = dst.readByKeys(keys);

        assertThat(rows).hasSize(1203).doesNotContainKey("5000");
        assertThat(rows.get("10").version()).isEqualTo(1L);
        assertThat(rows.get("10").columns()).containsOnlyKeys("id", "name", "price", "active", "born_on", "seen_at", "seen_local", "qty");
    }

    @Test
    void aRowWithoutVersionCountsAsVersionZero() {
        fx.db.execute("INSERT INTO " + fx.table("dst") + " (id, name) VALUES (7, 'made elsewhere')");

        assertThat(dst.readByKeys(List.of("7")).get("7").version()).isZero();
        assertThat(dst.apply(List.of(upsert("7", 0L, Map.of("name", "synced"))))).containsExactly(applied("7", 1L));
        assertThat(row(7)).containsEntry("name", "synced").containsEntry("ver", 1L);
    }

    @Test
    void concurrentWritersAtOneVersionLetExactlyOneWin() throws Exception {
        dst.apply(List.of(upsert("7", null, Map.of("name", "start"))));
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<List<WriteResult>>> attempts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String name = "writer " + i;
                attempts.add(threads.submit(() -> fx.connectors.target("dst", "item").apply(List.of(upsert("7", 1L, Map.of("name", name))))));
            }
            List<WriteResult> results = new ArrayList<>();
            for (Future<List<WriteResult>> attempt : attempts) {
                results.addAll(attempt.get(30, TimeUnit.SECONDS));
            }
            assertThat(results).filteredOn(r -> r.status() == WriteResult.Status.APPLIED).containsExactly(applied("7", 2L));
            assertThat(results).filteredOn(r -> r.status() == WriteResult.Status.CONFLICT).hasSize(5);
            assertThat(row(7)).containsEntry("ver", 2L);
        } finally {
            threads.shutdownNow();
        }
    }

    static TargetWrite upsert(String key, Long expected, Map<String, Object> columns) {
        return new TargetWrite(key, expected, Kind.UPSERT, columns);
    }

    static WriteResult applied(String key, Long version) {
        return new WriteResult(key, WriteResult.Status.APPLIED, version);
    }

    static WriteResult conflict(String key) {
        return new WriteResult(key, WriteResult.Status.CONFLICT, null);
    }

    /** The row as the database holds it; numbers other than the version come as the driver reads them. */
    Map<String, Object> row(long id) {
        List<Map<String, Object>> rows = fx.db.query("SELECT name, price, active, born_on, seen_at, qty, ver, removed_at FROM "
                + fx.table("dst") + " WHERE id = ?", id);
        assertThat(rows).hasSize(1);
        Map<String, Object> row = new HashMap<>(rows.get(0));
        row.put("ver", row.get("ver") == null ? null : ((Number) row.get("ver")).longValue());
        return row;
    }
}
