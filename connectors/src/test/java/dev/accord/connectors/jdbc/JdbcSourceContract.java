package dev.accord.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.accord.connectors.SourceConnector;
import dev.accord.connectors.SourceCursor;
import dev.accord.connectors.SourcePage;
import dev.accord.connectors.SourceRow;
import dev.accord.connectors.TargetWrite;
import dev.accord.connectors.WriteResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every JDBC source must do; each subclass runs it against one database. */
abstract class JdbcSourceContract {

    static final String SRC_COLUMNS = "id BIGINT PRIMARY KEY, name VARCHAR(200), price DECIMAL(12,2), active {bool}, born_on DATE,"
            + " seen_at {tstz}, seen_local {ts}, qty INTEGER, updated_at {ts} NOT NULL, row_version BIGINT, deleted_at {ts}";
    static final LocalDateTime NOON = LocalDateTime.parse("2024-03-01T12:00:00");
    static final Instant TEN_IN_BERLIN = Instant.parse("2024-03-01T09:00:00Z");

    Fixture fx;

    abstract TestDatabase database();

    @BeforeEach
    void open() {
        fx = new Fixture(database());
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void pagesThroughRowsSharingOneCursorValueWithoutLossOrRepeats() {
        fx.create("src", SRC_COLUMNS);
        List<Long> shared = IntStream.rangeClosed(1, 23).mapToObj(i -> (long) (i * 7 % 23 + 2)).toList();
        shared.forEach(id -> insertSrc(id, NOON));
        List.of(100L, 101L, 102L).forEach(id -> insertSrc(id, NOON.minusHours(1)));
        List.of(1L, 200L, 201L, 202L).forEach(id -> insertSrc(id, NOON.plusHours(1)));

        List<String> keys = readAll(source("src"), 5).stream().map(SourceRow::key).toList();

        List<String> expected = new ArrayList<>(List.of("100", "101", "102"));
        shared.stream().sorted().forEach(id -> expected.add(String.valueOf(id)));
        expected.addAll(List.of("1", "200", "201", "202"));
        assertThat(keys).containsExactlyElementsOf(expected);
    }

    @Test
    void readsAKeyRangeInKeyOrderPageByPage() {
        fx.create("src", SRC_COLUMNS);
        IntStream.rangeClosed(1, 30).forEach(id -> insertSrc(id, NOON.plusMinutes(30 - id)));

        SourcePage first = source("src").readKeyRange("10", "25", 10);
        SourcePage second = source("src").readKeyRange(first.next().key(), "25", 10);

        assertThat(first.rows()).extracting(SourceRow::key).containsExactly("11", "12", "13", "14", "15", "16", "17", "18", "19", "20");
        assertThat(first.hasMore()).isTrue();
        assertThat(second.rows()).extracting(SourceRow::key).containsExactly("21", "22", "23", "24", "25");
        assertThat(second.hasMore()).isFalse();
    }

    @Test
    void splitsIntoChunksWhoseBoundariesAreRealKeys() {
        fx.create("src", SRC_COLUMNS);
        IntStream.rangeClosed(1, 95).forEach(id -> insertSrc(id * 2, NOON));

        List<String> boundaries = source("src").chunkBoundaries(null, null, 20);
        List<String> ranged = source("src").chunkBoundaries("40", "150", 20);

        assertThat(boundaries).containsExactly("40", "80", "120", "160");
        assertThat(ranged).containsExactly("80", "120");
    }

    @Test
    void continuesExactlyAfterTheCursorAndRepeatsAPageWhenAskedAgain() {
        fx.create("src", SRC_COLUMNS);
        IntStream.rangeClosed(1, 6).forEach(id -> insertSrc(id, NOON));

        SourcePage first = source("src").readChanges(SourceCursor.BEGINNING, 4);
        SourcePage last = source("src").readChanges(new SourceCursor("2024-03-01T12:00", "6"), 4);

        assertThat(first.next()).isEqualTo(new SourceCursor("2024-03-01T12:00", "4"));
        assertThat(source("src").readChanges(first.next(), 4).rows()).extracting(SourceRow::key).containsExactly("5", "6");
        assertThat(source("src").readChanges(first.next(), 4).rows()).extracting(SourceRow::key).containsExactly("5", "6");
        assertThat(last.rows()).isEmpty();
        assertThat(last.hasMore()).isFalse();
        assertThat(last.next()).isEqualTo(new SourceCursor("2024-03-01T12:00", "6"));
    }

    @Test
    void readsByANumericCursorWithVarcharKeysAsTieBreak() {
        fx.create("num", "code VARCHAR(20) PRIMARY KEY, name VARCHAR(50), change_no BIGINT");
        fx.db.execute("INSERT INTO " + fx.table("num") + " VALUES ('b', 'B', 5), ('a', 'A', 5), ('d', 'D', 5), ('c', 'C', 5),"
                + " ('a2', 'A2', 7), ('z', 'Z', 3)");

        SourcePage first = source("num").readChanges(SourceCursor.BEGINNING, 3);
        SourcePage second = source("num").readChanges(first.next(), 3);

        assertThat(first.rows()).extracting(SourceRow::key).containsExactly("z", "a", "b");
        assertThat(first.next()).isEqualTo(new SourceCursor("5", "b"));
        assertThat(second.rows()).extracting(SourceRow::key).containsExactly("c", "d", "a2");
        assertThat(second.rows()).extracting(SourceRow::sourceVersion).containsExactly(5L, 5L, 7L);
        assertThat(second.rows().get(2).columns()).containsExactly(Map.entry("code", "a2"), Map.entry("name", "A2"));
        assertThat(second.rows().get(0).timestamp()).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
        assertThat(source("num").head()).isEqualTo(new SourceCursor("7", "a2"));
    }

    @Test
    void deliversMappedColumnsAsPortableValues() {
        fx.create("src", SRC_COLUMNS);
        String seenAt = fx.db.hasZonedTimestamps() ? "TIMESTAMP WITH TIME ZONE '2024-03-01 10:30:00+01:00'" : "TIMESTAMP '2024-03-01 09:30:00'";
        fx.db.execute("INSERT INTO " + fx.table("src") + " VALUES (1, 'Zoë', 12.50, TRUE, DATE '2024-03-01', " + seenAt + ","
                + " TIMESTAMP '2024-03-01 10:15:30.123456', 7, TIMESTAMP '2024-03-01 10:00:00', 42, NULL)",
                "INSERT INTO " + fx.table("src") + " (id, updated_at) VALUES (2, TIMESTAMP '2024-03-01 10:00:00.5')");

        List<SourceRow> rows = source("src").readChanges(SourceCursor.BEGINNING, 10).rows();

        SourceRow full = rows.get(0);
        assertThat(full.key()).isEqualTo("1");
        assertThat(full.columns()).containsOnlyKeys("id", "name", "price", "active", "born_on", "seen_at", "seen_local", "qty");
        assertThat(full.columns()).containsEntry("id", 1L).containsEntry("name", "Zoë").containsEntry("price", new BigDecimal("12.50"))
                .containsEntry("active", true).containsEntry("born_on", "2024-03-01")
                .containsEntry("seen_local", "2024-03-01T10:15:30.123456").containsEntry("qty", 7L);
        String seen = (String) full.columns().get("seen_at");
        assertThat(fx.db.hasZonedTimestamps() ? OffsetDateTime.parse(seen).toInstant() : LocalDateTime.parse(seen).toInstant(ZoneOffset.UTC))
                .isEqualTo(Instant.parse("2024-03-01T09:30:00Z"));
        assertThat(full.timestamp()).isEqualTo(TEN_IN_BERLIN);
        assertThat(full.sourceVersion()).isEqualTo(42L);
        assertThat(full.deleted()).isFalse();

        SourceRow sparse = rows.get(1);
        assertThat(sparse.columns()).containsEntry("name", null).containsEntry("price", null).containsEntry("active", null)
                .containsEntry("seen_at", null).containsEntry("qty", null);
        assertThat(sparse.timestamp()).isEqualTo(TEN_IN_BERLIN.plusMillis(500));
        assertThat(sparse.sourceVersion()).isEqualTo(ChronoUnit.MICROS.between(Instant.EPOCH, TEN_IN_BERLIN.plusMillis(500)));
    }

    @Test
    void marksSoftDeletedRowsAsDeleted() {
        fx.create("src", SRC_COLUMNS);
        insertSrc(1, NOON);
        insertSrc(2, NOON);
        fx.db.execute("UPDATE " + fx.table("src") + " SET deleted_at = TIMESTAMP '2024-03-02 00:00:00' WHERE id = 2");

        assertThat(source("src").readChanges(SourceCursor.BEGINNING, 10).rows())
                .extracting(SourceRow::key, SourceRow::deleted).containsExactly(tuple("1", false), tuple("2", true));
        assertThat(source("src").readByKeys(List.of("2")).get(0).deleted()).isTrue();
    }

    @Test
    void readsCurrentRowsByKeyInBatches() {
        fx.create("src", SRC_COLUMNS);
        fx.db.batch("INSERT INTO " + fx.table("src") + " (id, name, updated_at) VALUES (?, 'n', ?)", 1201, i -> new Object[] {i, NOON});
        List<String> keys = new ArrayList<>(IntStream.rangeClosed(1, 1201).mapToObj(String::valueOf).toList());
        keys.add("999999");

        List<SourceRow> rows = source("src").readByKeys(keys);

        assertThat(rows).hasSize(1201);
        assertThat(rows).extracting(SourceRow::key).doesNotHaveDuplicates().doesNotContain("999999");
        assertThat(source("src").readByKeys(List.of())).isEmpty();
    }

    @Test
    void headIsTheNewestCursorValueAndTheGreatestKeyAtIt() {
        fx.create("src", SRC_COLUMNS);
        assertThat(source("src").head()).isEqualTo(SourceCursor.BEGINNING);
        insertSrc(9, NOON.minusDays(1));
        insertSrc(3, NOON);
        insertSrc(4, NOON);

        assertThat(source("src").head()).isEqualTo(new SourceCursor("2024-03-01T12:00", "4"));
    }

    @Test
    void readsAnOutboxBySequenceWithDeletes() {
        createOutbox();
        fx.db.execute("INSERT INTO " + fx.table("box") + " VALUES (2, 'two'), (3, 'three')",
                "INSERT INTO " + fx.table("outbox") + " (item_key, op) VALUES ('1', 'I'), ('2', 'INSERT'), ('3', 'I'), ('2', 'update'),"
                        + " ('3', 'd'), ('4', 'U')");
        SourceConnector source = source("box");

        SourcePage first = source.readChanges(SourceCursor.BEGINNING, 3);
        SourcePage second = source.readChanges(first.next(), 3);
        SourcePage empty = source.readChanges(second.next(), 3);

        assertThat(first.rows()).extracting(SourceRow::key, SourceRow::sourceVersion, SourceRow::deleted)
                .containsExactly(tuple("1", 1L, true), tuple("2", 2L, false), tuple("3", 3L, false));
        assertThat(first.rows().get(1).columns()).containsExactly(Map.entry("id", 2L), Map.entry("name", "two"));
        assertThat(first.next()).isEqualTo(new SourceCursor("3", "3"));
        assertThat(first.hasMore()).isTrue();
        assertThat(second.rows()).extracting(SourceRow::key, SourceRow::sourceVersion, SourceRow::deleted)
                .containsExactly(tuple("2", 4L, false), tuple("3", 5L, true), tuple("4", 6L, true));
        assertThat(second.rows().get(1).columns()).containsExactly(Map.entry("id", "3"));
        assertThat(empty.rows()).isEmpty();
        assertThat(empty.hasMore()).isFalse();
        assertThat(empty.next()).isEqualTo(new SourceCursor("6", "4"));
        assertThat(source.head()).isEqualTo(new SourceCursor("6", "4"));
    }

    @Test
    void outboxChangesOfOneKeyInAPageCollapseIntoTheLast() {
        createOutbox();
        fx.db.execute("INSERT INTO " + fx.table("box") + " VALUES (5, 'five')",
                "INSERT INTO " + fx.table("outbox") + " (item_key, op) VALUES ('5', 'I'), ('6', 'I'), ('5', 'U'), ('6', 'DELETE')");

        SourcePage page = source("box").readChanges(SourceCursor.BEGINNING, 10);

        assertThat(page.rows()).extracting(SourceRow::key, SourceRow::sourceVersion, SourceRow::deleted)
                .containsExactly(tuple("5", 3L, false), tuple("6", 4L, true));
        assertThat(page.next()).isEqualTo(new SourceCursor("4", "6"));
        assertThat(page.hasMore()).isFalse();
        assertThat(source("box").head()).isEqualTo(new SourceCursor("4", "6"));
    }

    @Test
    void findsTablesAndColumnsWhateverCaseTheDatabaseStoresThemIn() {
        String upper = fx.db.quote(fx.table("upper").toUpperCase(Locale.ROOT));
        fx.createNamed(upper, fx.db.quote("ID") + " BIGINT PRIMARY KEY, " + fx.db.quote("NAME") + " VARCHAR(50), "
                + fx.db.quote("UPDATED_AT") + " {ts}, " + fx.db.quote("ROW_VERSION") + " BIGINT");
        fx.db.execute("INSERT INTO " + upper + " VALUES (1, 'one', TIMESTAMP '2024-03-01 12:00:00', 3)");

        SourceRow row = source("upper").readChanges(SourceCursor.BEGINNING, 10).rows().get(0);
        List<WriteResult> written = fx.connectors.target("upper", "item")
                .apply(List.of(new TargetWrite("1", 3L, TargetWrite.Kind.UPSERT, Map.of("name", "uno"))));

        assertThat(row.columns()).containsExactly(Map.entry("id", 1L), Map.entry("name", "one"));
        assertThat(row.sourceVersion()).isEqualTo(3L);
        assertThat(written).containsExactly(new WriteResult("1", WriteResult.Status.APPLIED, 4L));
        assertThat(fx.db.query("SELECT " + fx.db.quote("NAME") + " FROM " + upper)).containsExactly(Map.of("name", "uno"));
    }

    @Test
    void readsASchemaQualifiedTableByAZonedCursor() {
        fx.createSchema();
        String table = fx.schema + "." + fx.table("q");
        fx.createNamed(table, "id BIGINT PRIMARY KEY, name VARCHAR(50), updated_at {tstz}, ver BIGINT");
        OffsetDateTime at = OffsetDateTime.parse("2024-03-01T12:00:00.25Z");
        fx.db.batch("INSERT INTO " + table + " VALUES (?, 'n', ?, 1)", 9,
                i -> new Object[] {i, fx.db.hasZonedTimestamps() ? at : at.toLocalDateTime()});

        List<SourceRow> rows = readAll(source("qualified"), 4);

        assertThat(rows).extracting(SourceRow::key).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(rows.get(0).timestamp()).isEqualTo(fx.db.hasZonedTimestamps() ? at.toInstant() : at.toLocalDateTime().toInstant(ZoneOffset.UTC));
        assertThat(fx.connectors.target("qualified", "item").readByKeys(List.of("9"))).containsKey("9");
    }

    SourceConnector source(String system) {
        return fx.connectors.source(system, "item");
    }

    void insertSrc(long id, LocalDateTime updatedAt) {
        fx.db.batch("INSERT INTO " + fx.table("src") + " (id, name, updated_at, row_version) VALUES (?, ?, ?, 1)", 1,
                i -> new Object[] {id, "item " + id, updatedAt});
    }

    void createOutbox() {
        fx.create("box", "id BIGINT PRIMARY KEY, name VARCHAR(50)");
        fx.create("outbox", "seq {serial}, item_key VARCHAR(40) NOT NULL, op VARCHAR(10)");
    }

    /** Reads every page, checking that only full pages promise more and that the end stays the end. */
    static List<SourceRow> readAll(SourceConnector source, int pageSize) {
        List<SourceRow> rows = new ArrayList<>();
        SourceCursor cursor = SourceCursor.BEGINNING;
        for (int pages = 0; pages < 1000; pages++) {
            SourcePage page = source.readChanges(cursor, pageSize);
            assertThat(page.hasMore()).isEqualTo(page.rows().size() == pageSize);
            rows.addAll(page.rows());
            if (!page.hasMore()) {
                assertThat(source.readChanges(page.next(), pageSize).rows()).isEmpty();
                return rows;
            }
            cursor = page.next();
        }
        throw new AssertionError("paging never ended");
    }
}
