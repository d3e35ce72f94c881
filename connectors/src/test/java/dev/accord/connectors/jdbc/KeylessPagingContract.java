package dev.accord.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.connectors.SourceConnector;
import dev.accord.connectors.SourceCursor;
import dev.accord.connectors.SourcePage;
import dev.accord.connectors.SourceRow;
import dev.accord.core.failure.FailureKind;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Paging always makes progress, whatever the keys: rows whose key is NULL (which databases sort first or last),
 * blank keys, and runs of one cursor value longer than a page. Every keyed row is read exactly once, every keyless
 * row once under a stand-in key of its own, and reading ends. Each subclass runs it against one database.
 */
abstract class KeylessPagingContract {

    /** The {@code num} system: numeric cursor {@code change_no}, varchar key {@code code}, here without NOT NULL. */
    static final String NUM_COLUMNS = "code VARCHAR(20), name VARCHAR(50), change_no BIGINT";

    Fixture fx;

    abstract TestDatabase database();

    @BeforeEach
    void open() {
        fx = new Fixture(database(), "hs_");
        fx.create("num", NUM_COLUMNS);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void aPageOfOneCursorValueEndingInARowWithoutAKeyMovesOn() {
        rows("('a', 5)", "('b', 5)", "(NULL, 5)", "('c', 7)");

        Read read = readAll(2);

        assertThat(read.keyed).containsExactly("a", "b", "c");
        assertThat(read.keyless).hasSize(1).allSatisfy(k -> assertThat(k).startsWith("no key: change_no 5, row "));
    }

    @Test
    void rowsWithoutAKeyFirstLastAndAloneInTheirCursorValueAreEachReadOnce() {
        rows("(NULL, 1)", "('a', 1)", "('b', 1)", "(NULL, 2)", "('c', 3)", "('d', 3)", "(NULL, 3)", "(NULL, 9)");

        for (int pageSize : new int[] {1, 2, 3, 10}) {
            Read read = readAll(pageSize);

            assertThat(read.keyed).as("page size %d", pageSize).containsExactly("a", "b", "c", "d");
            assertThat(read.keyless).as("page size %d", pageSize).hasSize(4).doesNotHaveDuplicates();
        }
    }

    @Test
    void aRunOfOneCursorValueLongerThanAPageWithRowsWithoutAKeyInsideIt() {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            values.add("('k" + (char) ('a' + i) + "', 5)");
        }
        values.addAll(List.of("(NULL, 5)", "(NULL, 5)", "(NULL, 4)", "('z', 6)"));
        rows(values.toArray(String[]::new));

        Read read = readAll(5);

        assertThat(read.keyed).hasSize(24).doesNotHaveDuplicates().startsWith("ka", "kb").endsWith("z");
        assertThat(read.keyless).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void aTableOfOneRowWithoutAKey() {
        rows("(NULL, 3)");

        SourcePage page = source().readChanges(SourceCursor.BEGINNING, 10);

        assertThat(page.rows()).singleElement().satisfies(r -> {
            assertThat(r.key()).startsWith("no key: change_no 3, row ");
            assertThat(r.columns()).containsEntry("code", null).containsEntry("name", "n");
        });
        assertThat(page.next()).isEqualTo(new SourceCursor("3", null));
        assertThat(page.hasMore()).isFalse();
        assertThat(source().readChanges(page.next(), 10).rows()).isEmpty();
        assertThat(source().head()).isEqualTo(page.next());
    }

    @Test
    void moreRowsWithoutAKeyInAWindowThanAPageHoldsSplitBetweenCursorValues() {
        rows("(NULL, 1)", "(NULL, 2)", "(NULL, 2)", "(NULL, 3)", "(NULL, 4)", "('a', 6)", "('b', 6)", "('c', 6)");

        Read read = readAll(3);

        assertThat(read.keyed).containsExactly("a", "b", "c");
        assertThat(read.keyless).hasSize(5).doesNotHaveDuplicates();
        assertThat(read.pages.get(0)).hasSize(3);
    }

    @Test
    void moreRowsWithoutAKeyAtOneCursorValueThanAPageHoldsStopTheReadWithAReason() {
        rows("('a', 1)", "(NULL, 2)", "(NULL, 2)", "(NULL, 2)", "('b', 3)");

        SourcePage first = source().readChanges(SourceCursor.BEGINNING, 2);

        assertThat(first.rows()).extracting(SourceRow::key).containsExactly("a");
        assertThatThrownBy(() -> source().readChanges(first.next(), 2))
                .isInstanceOfSatisfying(KeylessRowsException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.CONFIGURATION);
                    assertThat(e.getMessage()).contains("more than 2 rows without a key share the cursor value 2", "batch-size");
                });
        assertThat(source().readChanges(first.next(), 3).rows()).hasSize(3);
    }

    @Test
    void aPositionWithoutAKeyReadsTheKeyedRowsAtItsValueButNotTheKeylessOnes() {
        rows("(NULL, 5)", "('a', 5)", "('b', 5)", "('c', 6)");

        SourcePage page = source().readChanges(new SourceCursor("5", null), 10);

        assertThat(page.rows()).extracting(SourceRow::key).containsExactly("a", "b", "c");
    }

    @Test
    void blankKeysAreKeysForPagingAndGetAStandInKeyForQuarantine() {
        rows("('', 1)", "('a', 1)", "(' ', 2)");

        Read read = readAll(1);

        assertThat(read.keyed).containsExactly("a");
        assertThat(read.keyless).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void theHeadIsWhereReadingEnds() {
        rows("('a', 1)", "(NULL, 2)", "('b', 2)", "(NULL, 4)");
        assertThat(source().head()).isEqualTo(new SourceCursor("4", null));
        assertThat(readAll(2).last).isEqualTo(new SourceCursor("4", null));

        rows("('c', 4)");
        assertThat(source().head()).isEqualTo(new SourceCursor("4", "c"));
        assertThat(readAll(2).last).isEqualTo(new SourceCursor("4", "c"));
    }

    @Test
    void keyRangesAndChunksLeaveRowsWithoutAKeyOutAndTakeBlankKeys() {
        rows("(NULL, 1)", "('', 1)", "('a', 1)", "('b', 1)", "(NULL, 2)", "('c', 2)");

        SourcePage first = source().readKeyRange(null, null, 2);
        SourcePage second = source().readKeyRange(first.next().key(), null, 2);
        SourcePage third = source().readKeyRange(second.next().key(), null, 2);

        assertThat(first.next().key()).isEqualTo("a");
        assertThat(first.rows()).extracting(SourceRow::key).element(1).isEqualTo("a");
        assertThat(first.rows().get(0).key()).startsWith("no key: ");
        assertThat(second.rows()).extracting(SourceRow::key).containsExactly("b", "c");
        assertThat(third.rows()).isEmpty();
        assertThat(source().chunkBoundaries(null, null, 2)).containsExactly("a", "c");
    }

    @Test
    void anOutboxEntryWithoutAKeyIsAKeylessRowNotADelete() {
        fx.create("box", "id BIGINT PRIMARY KEY, name VARCHAR(50)");
        fx.create("outbox", "seq {serial}, item_key VARCHAR(40), op VARCHAR(10)");
        fx.db.execute("INSERT INTO " + fx.table("box") + " VALUES (1, 'one')",
                "INSERT INTO " + fx.table("outbox") + " (item_key, op) VALUES ('1', 'I'), (NULL, 'D'), ('', 'U'), (NULL, 'I')");

        SourcePage page = fx.connectors.source("box", "item").readChanges(SourceCursor.BEGINNING, 10);

        assertThat(page.rows()).extracting(SourceRow::key).containsExactlyInAnyOrder("1",
                "no key: outbox " + fx.table("outbox") + " seq 2", "no key: outbox " + fx.table("outbox") + " seq 3",
                "no key: outbox " + fx.table("outbox") + " seq 4");
        assertThat(page.rows()).filteredOn(r -> r.key().startsWith("no key")).allSatisfy(r -> {
            assertThat(r.deleted()).isFalse();
            assertThat(r.columns().get("id")).isIn(null, "");
        });
        assertThat(page.next()).isEqualTo(new SourceCursor("4", null));
    }

    /** What a flow would read from the beginning, page by page, until an empty page: every page must move on. */
    record Read(List<String> keyed, List<String> keyless, List<List<SourceRow>> pages, SourceCursor last) {}

    Read readAll(int pageSize) {
        List<String> keyed = new ArrayList<>();
        List<String> keyless = new ArrayList<>();
        List<List<SourceRow>> pages = new ArrayList<>();
        SourceCursor cursor = SourceCursor.BEGINNING;
        for (int reads = 0; reads < 200; reads++) {
            SourcePage page = source().readChanges(cursor, pageSize);
            if (page.rows().isEmpty()) {
                assertThat(page.next()).isEqualTo(cursor);
                return new Read(keyed, keyless, pages, cursor);
            }
            assertThat(page.next()).as("a page with rows moves on").isNotEqualTo(cursor);
            assertThat(page.rows()).hasSizeLessThanOrEqualTo(pageSize);
            page.rows().forEach(r -> (r.key().startsWith("no key: ") ? keyless : keyed).add(r.key()));
            pages.add(page.rows());
            cursor = page.next();
        }
        throw new AssertionError("paging never ended; read so far: " + keyed + " " + keyless);
    }

    SourceConnector source() {
        return fx.connectors.source("num", "item");
    }

    /** Inserts {@code (code, change_no)} tuples, every row named {@code n}. */
    void rows(String... codeAndChangeNo) {
        String values = String.join(", ", Arrays.stream(codeAndChangeNo).map(v -> v.substring(0, v.length() - 1) + ", 'n')").toList());
        fx.db.execute("INSERT INTO " + fx.table("num") + " (code, change_no, name) VALUES " + values);
    }
}
