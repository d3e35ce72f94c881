package dev.accord.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.connectors.ColumnDrift;
import dev.accord.connectors.SourceConnector;
import dev.accord.connectors.SourceCursor;
import dev.accord.connectors.SourcePage;
import dev.accord.connectors.SourceRow;
import dev.accord.connectors.SourceSchemaDriftException;
import dev.accord.connectors.resilience.ResilienceSettings;
import dev.accord.connectors.resilience.SystemGuards;
import dev.accord.core.failure.FailureKind;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A source table whose schema changes under a connector that is in use: values that no longer read as the column's
 * first type make their row unreadable, a table that can no longer be read as mapped stops with one
 * {@link SourceSchemaDriftException} naming the column and both types, and neither counts against the system's circuit
 * breaker. Each subclass runs it against one database.
 */
abstract class SourceDriftContract {

    static final LocalDateTime NOON = LocalDateTime.parse("2024-03-01T12:00:00");

    Fixture fx;

    abstract TestDatabase database();

    @BeforeEach
    void open() {
        fx = new Fixture(database(), "hs_");
        fx.create("src", JdbcSourceContract.SRC_COLUMNS);
        for (long id = 1; id <= 4; id++) {
            insert(id, NOON, id * 10);
        }
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void anIntegerColumnChangedToTextMakesOnlyTheRowWhoseValueIsNotANumberUnreadable() {
        SourcePage before = source().readChanges(SourceCursor.BEGINNING, 10);
        assertThat(before.rows()).extracting(SourceRow::unreadable).containsOnlyNulls();

        alter("qty", "VARCHAR(20)");
        update("qty = '17'", 2);
        update("qty = 'abc'", 3);
        update("qty = ' 8 '", 4);
        SourcePage after = source().readChanges(before.next(), 10);

        assertThat(after.rows()).extracting(SourceRow::key).containsExactly("2", "3", "4");
        assertThat(after.rows().get(0).columns()).containsEntry("qty", 17L);
        assertThat(after.rows().get(0).unreadable()).isNull();
        assertThat(after.rows().get(2).columns()).containsEntry("qty", 8L);
        SourceRow abc = after.rows().get(1);
        assertThat(abc.columns()).containsEntry("qty", "abc").containsEntry("name", "item 3");
        assertThat(abc.unreadable()).containsOnlyKeys("qty");
        assertThat(abc.unreadable().get("qty")).startsWith("column qty was integer (").contains("when first read, is now text (",
                "this value does not read as integer").doesNotContain("abc");
        assertThat(after.drift()).singleElement().satisfies(d -> {
            assertThat(d.column()).isEqualTo("qty");
            assertThat(d.was()).startsWith("integer (");
            assertThat(d.now()).startsWith("text (");
        });
        assertThat(source().readByKeys(List.of("3", "2"))).filteredOn(r -> r.unreadable() != null)
                .extracting(SourceRow::key).containsExactly("3");
        assertThat(source().readKeyRange(null, null, 10).rows()).filteredOn(r -> r.unreadable() != null)
                .extracting(SourceRow::key).containsExactly("3");
    }

    @Test
    void statementsPreparedBeforeTheChangeAreReadAgainAsTheOldType() {
        SourcePage first = source().readChanges(SourceCursor.BEGINNING, 2);
        for (int i = 0; i < 8; i++) {
            source().readChanges(first.next(), 2);
        }

        alter("qty", "VARCHAR(20)");
        SourcePage after = source().readChanges(first.next(), 2);

        assertThat(after.rows()).extracting(r -> r.columns().get("qty")).containsExactly(30L, 40L);
        assertThat(after.rows()).extracting(SourceRow::unreadable).containsOnlyNulls();
    }

    @Test
    void aDroppedMappedColumnStopsTheReadNamingIt() {
        SourcePage before = source().readChanges(SourceCursor.BEGINNING, 2);

        fx.db.execute("ALTER TABLE " + fx.table("src") + " DROP COLUMN name");

        assertDrift(() -> source().readChanges(before.next(), 2), d -> {
            assertThat(d.column()).isEqualTo("name");
            assertThat(d.was()).startsWith("text (");
            assertThat(d.now()).isNull();
        }, "column name was text (", "is gone");
        assertDrift(() -> source().readByKeys(List.of("1")), d -> assertThat(d.column()).isEqualTo("name"), "is gone");
        assertDrift(() -> source().readKeyRange(null, null, 2), d -> assertThat(d.column()).isEqualTo("name"), "is gone");
    }

    @Test
    void aCursorColumnChangedSoThatPagingCannotGoOnStopsTheReadWithBothTypes() {
        insert(5, NOON.plusHours(1), 50);
        SourcePage before = source().readChanges(SourceCursor.BEGINNING, 2);

        alter("updated_at", "VARCHAR(40)");

        assertDrift(() -> source().readChanges(before.next(), 2), d -> {
            assertThat(d.column()).isEqualTo("updated_at");
            assertThat(d.was()).startsWith("timestamp (");
            assertThat(d.now()).startsWith("text (");
        }, "column updated_at was timestamp (", "when first read, is now text (");
    }

    @Test
    void aDroppedTableStopsTheRead() {
        SourcePage before = source().readChanges(SourceCursor.BEGINNING, 2);

        fx.db.execute("DROP TABLE " + fx.table("src"));

        assertDrift(() -> source().readChanges(before.next(), 2), d -> assertThat(d.column()).isEqualTo(ColumnDrift.TABLE),
                "the table is gone");
    }

    @Test
    void driftNeverCountsAsAFailureOfTheSystemForItsCircuitBreaker() {
        try (SystemGuards guards = new SystemGuards(system -> new ResilienceSettings(50f, 4, 2, Duration.ofMinutes(1), 1, 0,
                Duration.ofMillis(50), 2, Duration.ofSeconds(1), Duration.ofSeconds(10)))) {
            SourceConnector guarded = guards.source("src", source(), true);
            SourcePage before = guarded.readChanges(SourceCursor.BEGINNING, 2);
            fx.db.execute("ALTER TABLE " + fx.table("src") + " DROP COLUMN name");

            for (int i = 0; i < 6; i++) {
                assertThatThrownBy(() -> guarded.readChanges(before.next(), 2)).isInstanceOf(SourceSchemaDriftException.class);
            }

            assertThat(guards.guard("src").state()).isEqualTo(CircuitBreaker.State.CLOSED);
        }
    }

    @Test
    void anOutboxEntryWhoseKeyCannotBeAKeyOfTheTableIsAnUnreadableRow() {
        fx.create("box", "id BIGINT PRIMARY KEY, name VARCHAR(50)");
        fx.create("outbox", "seq {serial}, item_key VARCHAR(40) NOT NULL, op VARCHAR(10)");
        fx.db.execute("INSERT INTO " + fx.table("box") + " VALUES (1, 'one')",
                "INSERT INTO " + fx.table("outbox") + " (item_key, op) VALUES ('C-17', 'U'), ('1', 'U')");

        SourcePage page = fx.connectors.source("box", "item").readChanges(SourceCursor.BEGINNING, 10);

        assertThat(page.rows()).extracting(SourceRow::key).containsExactly("unreadable key: outbox " + fx.table("outbox") + " seq 1", "1");
        assertThat(page.rows().get(0).unreadable()).containsOnlyKeys("id");
        assertThat(page.rows().get(0).unreadable().get("id")).contains("outbox column item_key", "does not read as integer (")
                .doesNotContain("C-17");
        assertThat(page.rows().get(0).deleted()).isFalse();
        assertThat(page.rows().get(1).unreadable()).isNull();
    }

    void assertDrift(Runnable read, Consumer<ColumnDrift> drift, String... message) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(SourceSchemaDriftException.class, e -> {
            assertThat(e.kind()).isEqualTo(FailureKind.CONFIGURATION);
            assertThat(e.reasonCode()).isEqualTo("SOURCE_SCHEMA_DRIFT");
            assertThat(e.system()).isEqualTo("src");
            assertThat(e.getMessage()).contains("source schema drift in system 'src', table " + fx.table("src"))
                    .contains(message).contains(SourceSchemaDriftException.RUNBOOK).doesNotContain("item 1");
            drift.accept(e.drift());
        });
    }

    SourceConnector source() {
        return fx.connectors.source("src", "item");
    }

    void alter(String column, String type) {
        fx.db.execute(fx.db.changeType(fx.table("src"), column, type));
    }

    void update(String set, long id) {
        fx.db.execute("UPDATE " + fx.table("src") + " SET " + set + ", updated_at = TIMESTAMP '2024-03-01 13:00:00' WHERE id = " + id);
    }

    void insert(long id, LocalDateTime updatedAt, long qty) {
        fx.db.batch("INSERT INTO " + fx.table("src") + " (id, name, qty, updated_at, row_version) VALUES (?, ?, ?, ?, 1)", 1,
                i -> new Object[] {id, "item " + id, qty, updatedAt});
    }
}
