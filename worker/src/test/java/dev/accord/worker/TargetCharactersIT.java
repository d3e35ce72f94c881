package dev.accord.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.workflows.sync.SyncResult;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Characters a target database cannot store, from a source that holds them (an H2 table): U+0000 in PostgreSQL text
 * is refused before the write, a 4-byte character in a MariaDB {@code utf8mb3} column is refused by the database and
 * isolated from its batch. Either way the row is quarantined as {@code UNSUPPORTED_CHARACTER} with the field's path,
 * its page's other rows arrive, and the target's breaker stays closed (it once opened and held the flow forever).
 */
class TargetCharactersIT {

    @TempDir
    Path dir;

    @Test
    void aNulCharacterIsQuarantinedBeforeItReachesPostgreSql() {
        assertRefused("postgres", "name", "Ada\u0000Lovelace", "$.name");
    }

    @Test
    void aFourByteCharacterInAThreeByteMariaDbColumnIsIsolatedFromItsBatch() {
        assertRefused("mariadb", "code", "C\uD83D\uDE00", "$.code");
    }

    private void assertRefused(String targetKind, String column, String value, String path) {
        try (BadRecordSystems systems = new BadRecordSystems("h2", targetKind)) {
            systems.insert(BadRecordsSuite.rows(row -> {
                if (BadRecordsSuite.FIRST_LAST_ALONE.contains(row.get("id"))) {
                    row.put(column, value);
                }
            }));
            try (BadRecordsHarness harness = new BadRecordsHarness(systems, dir, null, BadRecordsSuite.LIMITS)) {
                SyncResult result = harness.sync();

                assertThat(result.state()).isEqualTo("finished");
                List<Map<String, Object>> quarantined = harness.quarantine();
                assertThat(quarantined).extracting(q -> q.get("record_key")).containsExactlyInAnyOrderElementsOf(BadRecordsSuite.FIRST_LAST_ALONE);
                assertThat(quarantined).allSatisfy(q -> {
                    assertThat(q.get("system_name")).isEqualTo("dst");
                    assertThat(q.get("reason_code")).isEqualTo("UNSUPPORTED_CHARACTER");
                    assertThat(q.get("path")).isEqualTo(path);
                });
                Set<String> good = new TreeSet<>(BadRecordsSuite.ids());
                good.removeAll(BadRecordsSuite.FIRST_LAST_ALONE);
                assertThat(systems.targetRows().keySet()).isEqualTo(good);
                assertThat(result.counts()).containsEntry("applied", 11L).containsEntry("dst:written", 8L).containsEntry("dst:quarantined", 3L);
                assertThat(harness.breaker("dst")).isEqualTo(CircuitBreaker.State.CLOSED);
            }
        }
    }
}
