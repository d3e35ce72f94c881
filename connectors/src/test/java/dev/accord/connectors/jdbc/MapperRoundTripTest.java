package dev.accord.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.connectors.SourceCursor;
import dev.accord.connectors.SourceRow;
import dev.accord.connectors.TargetRow;
import dev.accord.connectors.TargetWrite;
import dev.accord.connectors.WriteResult;
import dev.accord.core.mapping.Mapped;
import dev.accord.core.mapping.RecordMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The connectors speak the core's language: a source row maps to canonical fields without violations,
 * the record mapper's local values land in a target in another zone, and reading them back maps to the
 * same canonical record (on H2).
 */
class MapperRoundTripTest {

    private final Fixture fx = new Fixture(TestDatabase.h2());

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void aRecordReadFromOneSystemAndWrittenToAnotherMapsBackToTheSameCanonicalFields() {
        fx.create("src", JdbcSourceContract.SRC_COLUMNS);
        fx.create("dst", JdbcTargetContract.DST_COLUMNS);
        fx.db.execute("INSERT INTO " + fx.table("src") + " VALUES (17, ' Zoë ', 12.50, TRUE, DATE '2024-03-01',"
                + " TIMESTAMP WITH TIME ZONE '2024-03-01 10:30:00+01:00', TIMESTAMP '2024-07-01 10:15:30', 7,"
                + " TIMESTAMP '2024-03-01 10:00:00', 3, NULL)");
        SourceRow row = fx.connectors.source("src", "item").readChanges(SourceCursor.BEGINNING, 10).rows().get(0);

        Mapped canonical = new RecordMapper(fx.contract, "src", "item").toCanonical(row.columns());
        RecordMapper dst = new RecordMapper(fx.contract, "dst", "item");
        Map<String, Object> local = new LinkedHashMap<>(dst.toLocal(canonical.key(), canonical.fields()));
        local.remove(dst.keyColumn());
        List<WriteResult> written = fx.connectors.target("dst", "item")
                .apply(List.of(new TargetWrite(canonical.key(), null, TargetWrite.Kind.UPSERT, local)));
        TargetRow stored = fx.connectors.target("dst", "item").readByKeys(List.of("17")).get("17");
        Map<String, JsonNode> back = dst.toCanonical(stored.columns()).fields();

        assertThat(canonical.violations()).isEmpty();
        assertThat(canonical.fields().get("seen_local").asText()).isEqualTo("2024-07-01T08:15:30Z");
        assertThat(written).extracting(WriteResult::status).containsExactly(WriteResult.Status.APPLIED);
        assertThat(back).isEqualTo(canonical.fields());
    }
}
