package dev.accord.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.connectors.TargetRow;
import dev.accord.connectors.TargetWrite;
import dev.accord.connectors.WriteResult;
import dev.accord.core.validation.ReasonCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Compare-and-set writes to the desk over real HTTP: If-Match on the ETag read (or the version in the body),
 * a concurrent writer's change between read and write reported as that record's conflict while the others
 * land, creates that find the record present, tombstones and removals.
 */
class HttpTargetTest {

    private static final Instant START = Instant.parse("2024-06-01T08:00:00Z");

    @Test
    void aConcurrentWriterBetweenReadAndWriteMakesThatRecordAConflictAndTheRestLand() {
        try (DeskFixture fixture = new DeskFixture()) {
            fixture.seed(3, START, 1);
            Map<String, TargetRow> read = fixture.target().readByKeys(List.of("C001", "C002", "C003"));
            assertThat(read.values()).extracting(TargetRow::version).containsOnly(1L);
            fixture.desk.faults().agentEditsBeforeNextWrite("C002", DeskFixture.JSON.createObjectNode().put("phone", "+1 agent"));

            List<WriteResult> results = fixture.target().apply(List.of(
                    upsert("C001", 1L, Map.of("name", "One")), upsert("C002", 1L, Map.of("name", "Two")),
                    upsert("C003", 1L, Map.of("name", "Three", "score", new BigDecimal("4.50")))));

            assertThat(results).extracting(WriteResult::status)
                    .containsExactly(WriteResult.Status.APPLIED, WriteResult.Status.CONFLICT, WriteResult.Status.APPLIED);
            assertThat(results.get(0).newVersion()).isEqualTo(2L);
            assertThat(fixture.desk.contacts().get("C002").orElseThrow().get("name").asText()).isEqualTo("Contact 2");
            assertThat(fixture.desk.contacts().get("C003").orElseThrow().get("score").decimalValue()).isEqualByComparingTo("4.5");
            assertThat(fixture.desk.statuses()).containsEntry(412, 1L);

            TargetRow again = fixture.target().readByKeys(List.of("C002")).get("C002");
            assertThat(again.version()).isEqualTo(2L);
            assertThat(again.columns()).containsEntry("phone", "+1 agent");
            List<WriteResult> retried = fixture.target().apply(List.of(upsert("C002", 2L, Map.of("name", "Two"))));

            assertThat(retried).extracting(WriteResult::status).containsExactly(WriteResult.Status.APPLIED);
            assertThat(fixture.desk.contacts().get("C002").orElseThrow().get("name").asText()).isEqualTo("Two");
            assertThat(fixture.desk.contacts().get("C002").orElseThrow().get("phone").asText()).isEqualTo("+1 agent");
        }
    }

    @Test
    void aRecordTheApiRefusesAsInvalidIsRejectedWithoutItsValueAndTheOthersLand() {
        try (DeskFixture fixture = new DeskFixture()) {
            fixture.seed(2, START, 1);

            List<WriteResult> results = fixture.target().apply(List.of(upsert("N1", null, Map.of("email", "ada lovelace@example.com")),
                    upsert("C001", 1L, Map.of("email", "one@example.com")), upsert("C002", 1L, Map.of("email", "two\u200b@example.com")),
                    upsert("N2", null, Map.of("email", "grace@example.com"))));

            assertThat(results).extracting(WriteResult::status).containsExactly(WriteResult.Status.REJECTED, WriteResult.Status.APPLIED,
                    WriteResult.Status.REJECTED, WriteResult.Status.APPLIED);
            assertThat(results.get(0).rejection().reason()).isEqualTo(ReasonCode.TARGET_REJECTED);
            assertThat(results.get(0).rejection().detail()).contains("422").doesNotContain("lovelace");
            assertThat(fixture.desk.contacts().all()).containsKeys("C001", "C002", "N2").doesNotContainKey("N1");
            assertThat(fixture.desk.contacts().get("C002").orElseThrow().get("version").asLong()).as("the refused update left C002 alone")
                    .isEqualTo(1L);
        }
    }

    @Test
    void aWriteExpectingAVersionItNeverReadFetchesTheEtagAndConflictsWhenTheRecordMovedOn() {
        try (DeskFixture fixture = new DeskFixture()) {
            fixture.seed(2, START, 1);
            fixture.desk.contacts().patch("C002", null, DeskFixture.contact("C002", "Moved on", "+2"));

            List<WriteResult> results = fixture.target().apply(List.of(upsert("C001", 1L, Map.of("name", "A")),
                    upsert("C002", 1L, Map.of("name", "B"))));

            assertThat(results).extracting(WriteResult::status).containsExactly(WriteResult.Status.APPLIED, WriteResult.Status.CONFLICT);
            assertThat(fixture.desk.contacts().get("C002").orElseThrow().get("name").asText()).isEqualTo("Moved on");
        }
    }

    @Test
    void createsLandOnceAndAnExistingKeyIsAConflict() {
        try (DeskFixture fixture = new DeskFixture()) {
            List<WriteResult> created = fixture.target().apply(List.of(upsert("N1", null, Map.of("name", "New"))));
            List<WriteResult> again = fixture.target().apply(List.of(upsert("N1", null, Map.of("name", "Newer"))));

            assertThat(created).singleElement().isEqualTo(new WriteResult("N1", WriteResult.Status.APPLIED, 1L));
            assertThat(again).singleElement().extracting(WriteResult::status).isEqualTo(WriteResult.Status.CONFLICT);
            assertThat(fixture.desk.contacts().get("N1").orElseThrow().get("name").asText()).isEqualTo("New");
        }
    }

    @Test
    void aSoftDeleteSetsTheTombstoneAndAnUndeleteThenUpdateInOneListChainsTheEtags() {
        try (DeskFixture fixture = new DeskFixture()) {
            fixture.seed(1, START, 1);
            fixture.target().readByKeys(List.of("C001"));

            WriteResult deleted = fixture.target().apply(List.of(new TargetWrite("C001", 1L, TargetWrite.Kind.DELETE, Map.of()))).get(0);
            assertThat(deleted).isEqualTo(new WriteResult("C001", WriteResult.Status.APPLIED, 2L));
            assertThat(fixture.target().readByKeys(List.of("C001")).get("C001").deleted()).isTrue();

            List<WriteResult> back = fixture.target().apply(List.of(new TargetWrite("C001", 2L, TargetWrite.Kind.UNDELETE, Map.of()),
                    upsert("C001", 3L, Map.of("name", "Back"))));

            assertThat(back).extracting(WriteResult::newVersion).containsExactly(3L, 4L);
            TargetRow row = fixture.target().readByKeys(List.of("C001")).get("C001");
            assertThat(row.deleted()).isFalse();
            assertThat(row.columns()).containsEntry("name", "Back");
        }
    }

    @Test
    void aHardDeleteAndARemoveSendDeleteWithIfMatch() {
        try (DeskFixture fixture = new DeskFixture(DeskFixture.CURSOR_PAGING, "etag", "hard", "s3cret")) {
            fixture.seed(2, START, 1);

            List<WriteResult> results = fixture.target().apply(List.of(new TargetWrite("C001", 1L, TargetWrite.Kind.DELETE, Map.of()),
                    new TargetWrite("C002", 7L, TargetWrite.Kind.REMOVE, Map.of())));

            assertThat(results).containsExactly(new WriteResult("C001", WriteResult.Status.APPLIED, null),
                    new WriteResult("C002", WriteResult.Status.CONFLICT, null));
            assertThat(fixture.desk.contacts().all()).containsOnlyKeys("C002");
        }
    }

    @Test
    void underVersionFieldConcurrencyTheVersionTravelsInTheBody() {
        try (DeskFixture fixture = new DeskFixture(DeskFixture.CURSOR_PAGING, "version-field", "soft", "s3cret")) {
            fixture.seed(1, START, 1);

            List<WriteResult> stale = fixture.target().apply(List.of(upsert("C001", 5L, Map.of("name", "Stale"))));
            List<WriteResult> fresh = fixture.target().apply(List.of(upsert("C001", 1L, Map.of("name", "Fresh"))));

            assertThat(stale).singleElement().extracting(WriteResult::status).isEqualTo(WriteResult.Status.CONFLICT);
            assertThat(fresh).singleElement().isEqualTo(new WriteResult("C001", WriteResult.Status.APPLIED, 2L));
            assertThat(fixture.desk.statuses()).containsEntry(409, 1L).doesNotContainKey(412);
        }
    }

    private static TargetWrite upsert(String key, Long expected, Map<String, Object> columns) {
        return new TargetWrite(key, expected, TargetWrite.Kind.UPSERT, columns);
    }
}
