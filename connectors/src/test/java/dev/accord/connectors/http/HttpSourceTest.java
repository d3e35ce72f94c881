package dev.accord.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.connectors.SourceCursor;
import dev.accord.connectors.SourcePage;
import dev.accord.connectors.SourceRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading the desk's change feed over real HTTP with each paging style: every change arrives once, in
 * (updated_at, id) order, across page boundaries that fall inside runs of contacts sharing one timestamp,
 * and a read from a saved position brings only what changed after it.
 */
class HttpSourceTest {

    private static final Instant START = Instant.parse("2024-06-01T08:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {DeskFixture.CURSOR_PAGING, DeskFixture.PAGE_PAGING, DeskFixture.LINK_PAGING})
    void everyChangeArrivesOnceInCursorOrderWhateverThePaging(String paging) {
        try (DeskFixture fixture = new DeskFixture(paging, "etag", "soft", "s3cret")) {
            fixture.seed(130, START, 30);

            List<String> keys = readAll(fixture, SourceCursor.BEGINNING, 40, new SourceCursor[1]);

            assertThat(keys).containsExactlyElementsOf(IntStream.rangeClosed(1, 130).mapToObj(DeskFixture::key).toList());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {DeskFixture.CURSOR_PAGING, DeskFixture.PAGE_PAGING, DeskFixture.LINK_PAGING})
    void aReadFromASavedPositionBringsOnlyLaterChanges(String paging) {
        try (DeskFixture fixture = new DeskFixture(paging, "etag", "soft", "s3cret")) {
            fixture.seed(60, START, 60);
            SourceCursor[] end = new SourceCursor[1];
            assertThat(readAll(fixture, SourceCursor.BEGINNING, 100, end)).hasSize(60);
            SourcePage first = new SourcePage(List.of(), end[0], false);

            fixture.desk.contacts().patch("C007", null, DeskFixture.contact("C007", "Renamed", "+1"));
            SourcePage next = fixture.source().readChanges(first.next(), 100);

            assertThat(next.rows()).extracting(SourceRow::key).containsExactly("C007");
            assertThat(next.rows().get(0).columns()).containsEntry("name", "Renamed").containsEntry("id", "C007");
            assertThat(next.rows().get(0).sourceVersion()).isEqualTo(2);
            assertThat(fixture.source().readChanges(next.next(), 100).rows()).isEmpty();
            assertThat(fixture.source().head()).isEqualTo(next.next());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {DeskFixture.CURSOR_PAGING, DeskFixture.LINK_PAGING})
    void aSoftDeletedContactReadsAsDeleted(String paging) {
        try (DeskFixture fixture = new DeskFixture(paging, "etag", "soft", "s3cret")) {
            fixture.seed(3, START, 1);
            var tombstone = DeskFixture.JSON.createObjectNode().put("deleted_at", "2024-06-02T00:00:00Z");
            fixture.desk.contacts().patch("C002", null, tombstone);

            List<SourceRow> rows = fixture.source().readByKeys(List.of("C001", "C002", "C404"));

            assertThat(rows).extracting(SourceRow::key).containsExactly("C001", "C002");
            assertThat(rows).extracting(SourceRow::deleted).containsExactly(false, true);
            assertThat(rows.get(0).timestamp()).isEqualTo(START.plusSeconds(1));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {DeskFixture.CURSOR_PAGING})
    void keyRangesAndChunksCoverTheListingInKeyOrder(String paging) {
        try (DeskFixture fixture = new DeskFixture(paging, "etag", "soft", "s3cret")) {
            fixture.seed(30, START, 7);

            List<String> boundaries = fixture.source().chunkBoundaries(null, null, 10);
            SourcePage range = fixture.source().readKeyRange("C010", "C020", 5);

            assertThat(boundaries).containsExactly("C010", "C020", "C030");
            assertThat(range.rows()).extracting(SourceRow::key).containsExactly("C011", "C012", "C013", "C014", "C015");
            assertThat(range.hasMore()).isTrue();
            assertThat(range.next().key()).isEqualTo("C015");
        }
    }

    private static List<String> readAll(DeskFixture fixture, SourceCursor from, int limit, SourceCursor[] end) {
        List<String> keys = new ArrayList<>();
        SourceCursor cursor = from;
        for (int pages = 0; pages < 100; pages++) {
            SourcePage page = fixture.source().readChanges(cursor, limit);
            page.rows().forEach(r -> keys.add(r.key()));
            cursor = page.next();
            end[0] = cursor;
            if (!page.hasMore()) {
                return keys;
            }
        }
        throw new AssertionError("the feed never ended; read " + keys.size());
    }
}
