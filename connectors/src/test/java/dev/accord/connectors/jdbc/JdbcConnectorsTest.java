package dev.accord.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.accord.connectors.SourceConnector;
import dev.accord.connectors.SourceCursor;
import dev.accord.connectors.TargetWrite;
import dev.accord.connectors.WriteResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Opening connectors from a contract, and the configuration errors no retry can fix (on H2). */
class JdbcConnectorsTest {

    private Fixture fx = new Fixture(TestDatabase.h2());

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void aSystemWithoutUrlNamesTheVariableToSet() {
        fx.close();
        fx = new Fixture(TestDatabase.h2(), Map.of());

        assertThatThrownBy(() -> fx.connectors.source("src", "item")).isInstanceOf(ConnectionConfigurationException.class)
                .hasMessage("system 'src' has no JDBC URL: set DB_URL");
        assertThatThrownBy(() -> fx.connectors.dataSource("dst")).isInstanceOf(ConnectionConfigurationException.class)
                .hasMessageContaining("set DB_URL");
    }

    @Test
    void aSystemThatIsNoDatabaseIsAConfigurationError() {
        assertThatThrownBy(() -> fx.connectors.target("files", "item")).isInstanceOf(ConnectionConfigurationException.class)
                .hasMessageContaining("system 'files' is of kind file");
    }

    @Test
    void sharesOneSmallPoolPerSystemAndOneConnectorPerDomainAcrossThreads() {
        List<SourceConnector> sources = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> fx.connectors.source("src", "item"))).toList()
                .stream().map(CompletableFuture::join).toList();

        assertThat(sources).allSatisfy(s -> assertThat(s).isSameAs(sources.get(0)));
        assertThat(fx.connectors.target("dst", "item")).isSameAs(fx.connectors.target("dst", "item"));
        HikariDataSource pool = (HikariDataSource) fx.connectors.dataSource("src");
        assertThat(pool.getPoolName()).isEqualTo("src");
        assertThat(pool.getMaximumPoolSize()).isEqualTo(4);
    }

    @Test
    void aMissingTableIsAMappingError() {
        assertThatThrownBy(() -> fx.connectors.source("src", "item").readChanges(SourceCursor.BEGINNING, 10))
                .isInstanceOf(MappingConfigurationException.class)
                .hasMessageContaining("system 'src', table " + fx.table("src") + " cannot be read");
    }

    @Test
    void aMissingColumnIsAMappingErrorListingTheColumnsThereAre() {
        fx.create("src", "id BIGINT PRIMARY KEY, name VARCHAR(20), updated_at TIMESTAMP, row_version BIGINT, deleted_at TIMESTAMP");

        assertThatThrownBy(() -> fx.connectors.source("src", "item").readChanges(SourceCursor.BEGINNING, 10))
                .isInstanceOf(MappingConfigurationException.class)
                .hasMessageContaining("has no column '")
                .hasMessageContaining("its columns are: DELETED_AT, ID, NAME, ROW_VERSION, UPDATED_AT");
    }

    @Test
    void aSourceNeedsACursorOrAnOutboxAndATargetAVersionColumn() {
        assertThatThrownBy(() -> fx.connectors.source("dst", "item")).isInstanceOf(MappingConfigurationException.class)
                .hasMessageContaining("neither a cursor column nor an outbox");
        assertThatThrownBy(() -> fx.connectors.target("num", "item")).isInstanceOf(MappingConfigurationException.class)
                .hasMessageContaining("has no version-column");
    }

    @Test
    void undeletingWithoutSoftDeleteColumnIsAMappingErrorAndWritesNothing() {
        fx.create("hard", "code VARCHAR(40) PRIMARY KEY, name VARCHAR(200), ver BIGINT");
        fx.db.execute("INSERT INTO " + fx.table("hard") + " VALUES ('a', 'A', 1)");

        assertThatThrownBy(() -> fx.connectors.target("hard", "item").apply(List.of(
                new TargetWrite("a", 1L, TargetWrite.Kind.UPSERT, Map.of("name", "B")),
                new TargetWrite("a", 2L, TargetWrite.Kind.UNDELETE, Map.of()))))
                .isInstanceOf(MappingConfigurationException.class).hasMessageContaining("no soft-delete-column to clear");
        assertThat(fx.db.query("SELECT name FROM " + fx.table("hard"))).containsExactly(Map.of("name", "A"));
    }

    @Test
    void aKeyThatDoesNotFitTheKeyColumnIsRejectedWithoutItsValueAndTheOtherWritesLand() {
        fx.create("dst", JdbcTargetContract.DST_COLUMNS.replace("{bool}", "BOOLEAN").replace("{tstz}", "TIMESTAMP WITH TIME ZONE")
                .replace("{ts}", "TIMESTAMP"));

        List<WriteResult> results = fx.connectors.target("dst", "item").apply(List.of(
                new TargetWrite("7", null, TargetWrite.Kind.UPSERT, Map.of("name", "fine")),
                new TargetWrite("C-17", null, TargetWrite.Kind.UPSERT, Map.of("name", "bad"))));

        assertThat(results.get(0).status()).isEqualTo(WriteResult.Status.APPLIED);
        assertThat(results.get(1).status()).isEqualTo(WriteResult.Status.REJECTED);
        assertThat(results.get(1).rejection().column()).isEqualTo("ID");
        assertThat(results.get(1).rejection().detail()).contains("column ID (BIGINT)").doesNotContain("C-17");
        assertThat(fx.db.query("SELECT id FROM " + fx.table("dst"))).hasSize(1);
    }

    @Test
    void closedConnectorsOpenNoPools() {
        fx.connectors.close();

        assertThatThrownBy(() -> fx.connectors.dataSource("src")).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}
