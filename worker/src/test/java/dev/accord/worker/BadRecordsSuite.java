package dev.accord.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.activities.Limits;
import dev.accord.workflows.sync.SyncResult;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One bad row never stops a flow (issue 14): for each kind of bad row, eleven source rows are synced in pages of five
 * with the bad ones first on page 1 (I01), last on page 1 (I05) and alone on page 3 (I11). Every case must finish,
 * put each bad row in quarantine with its documented reason code and path, bring every good row of the same pages
 * to the target, leave both systems' circuit breakers closed, and count every row read: decided at ingress
 * (applied + quarantined) and, for those applied, delivered to the target (written + quarantined there).
 * Each subclass runs the suite on one database kind.
 */
abstract class BadRecordsSuite {

    static final Set<String> FIRST_LAST_ALONE = Set.of("I01", "I05", "I11");
    /** Small budgets so the byte limits are reached with rows of a few kilobytes; poison after two failed attempts. */
    static final Limits LIMITS = new Limits(32 * 1024, 16 * 1024, 2);

    @TempDir
    Path dir;
    BadRecordSystems systems;
    BadRecordsHarness harness;

    abstract String kind();

    @BeforeEach
    void create() {
        systems = new BadRecordSystems(kind(), kind());
    }

    @AfterEach
    void drop() {
        if (harness != null) {
            harness.close();
        }
        systems.close();
    }

    @Test
    void aNumberBeyondTheTargetsIntegerIsQuarantinedAtEgressAndTheRestOfItsPageArrives() {
        insert(row -> row.put("qty", 3_000_000_000L));

        assertIsolatedAtEgress(sync(), "VALUE_OUT_OF_RANGE", "$.qty");
    }

    @Test
    void aTextLongerThanTheTargetColumnIsQuarantinedNeverCut() {
        insert(row -> row.put("code", "TOO-LONG-CODE"));

        assertIsolatedAtEgress(sync(), "VALUE_TOO_LONG", "$.code");
        assertThat(systems.targetRows().values()).extracting(r -> r.get("code")).doesNotContain("TOO-LONG");
    }

    @Test
    void aFractionTheTargetWouldRoundIsQuarantinedNeverRounded() {
        insert(row -> row.put("price", new BigDecimal("9.999")));

        assertIsolatedAtEgress(sync(), "PRECISION_LOSS", "$.price");
    }

    @Test
    void fractionalCentsAreQuarantinedWithoutRoundAndRoundedWhereTheContractSaysSo() {
        insert(row -> row.put("credit", new BigDecimal("12.345")));

        assertIsolatedAtEgress(sync(), "PRECISION_LOSS", "$.credit");
    }

    @Test
    void withRoundHalfEvenFractionalCentsAreRoundedOnceAndABackfillFindsThemInPlace() {
        insert(row -> row.put("credit", new BigDecimal("12.345")));
        harness = new BadRecordsHarness(systems, dir, "half-even", LIMITS);

        SyncResult result = harness.sync();

        assertThat(result.state()).isEqualTo("finished");
        assertThat(harness.quarantine()).isEmpty();
        assertThat(systems.targetRows().get("I01").get("credit_cents")).satisfies(c -> assertThat(((Number) c).longValue()).isEqualTo(1234L));
        assertThat(systems.targetRows().get("I02").get("credit_cents")).satisfies(c -> assertThat(((Number) c).longValue()).isEqualTo(250L));
        var backfill = harness.backfill();
        assertThat(backfill.counts()).as("a backfill finds the rounded cents in place").containsEntry("dst:unchanged", 11L)
                .doesNotContainKey("dst:written");
    }

    @Test
    void aRowTheTargetRefusesByACheckConstraintIsIsolatedFromItsBatch() {
        systems.target.db.execute("alter table " + systems.target.table + " add constraint dst_qty_not_negative check (qty >= 0)");
        insert(row -> row.put("qty", -1L));

        SyncResult result = sync();

        assertIsolated(result, "dst", "TARGET_REJECTED", null);
    }

    @Test
    void aValueThatBreaksAUniqueTargetIndexIsIsolatedFromItsBatch() {
        systems.target.db.execute("create unique index dst_email_unique on " + systems.target.table + " (email)");
        insert(row -> row.put("email", "shared@example.com"));
        List<Map<String, Object>> first = List.of(row(0, r -> {
            r.put("email", "shared@example.com");
            return r;
        }));
        systems.insert(first);

        SyncResult result = sync();

        assertThat(result.state()).isEqualTo("finished");
        assertThat(quarantined()).as("every holder of the address but the first to arrive").hasSize(3)
                .allSatisfy(q -> assertThat(q.get("reason_code")).isEqualTo("TARGET_REJECTED"));
        assertThat(systems.targetRows()).hasSize(9);
        assertBreakersClosed();
    }

    @Test
    void aRecordOverThePerRecordLimitIsQuarantinedWithoutItsBodyAndTheOthersArrive() {
        insert(row -> row.put("name", "x".repeat(40_000)));

        SyncResult result = sync();

        assertIsolated(result, "src", "RECORD_TOO_LARGE", "$");
        assertThat(harness.store.rows("select payload_json from quarantine")).allSatisfy(q ->
                assertThat(q.get("payload_json").toString()).doesNotContain("xxxx"));
    }

    @Test
    void aPageOverThePayloadBudgetIsReadInSmallerPagesAndEveryRowArrives() {
        insert(row -> { }, row -> row.put("name", "n".repeat(12_000)));

        SyncResult result = sync();

        assertThat(result.state()).isEqualTo("finished");
        assertThat(harness.quarantine()).isEmpty();
        assertThat(systems.targetRows()).hasSize(11);
        assertThat(result.pages()).as("pages of two rows of 12 KB under a 32 KB budget").isGreaterThanOrEqualTo(6);
        assertThat(result.counts()).containsEntry("applied", 11L).containsEntry("dst:written", 11L);
    }

    @Test
    void aKeyLongerThanTheStoreKeepsIsQuarantinedAndItsNeighboursArrive() {
        List<Map<String, Object>> rows = rows(row -> { });
        rows.get(0).put("id", "K".repeat(256));
        rows.get(4).put("id", "L".repeat(10_000));
        systems.insert(rows);

        SyncResult result = sync();

        assertThat(result.state()).isEqualTo("finished");
        assertThat(quarantined()).extracting(q -> q.get("reason_code")).containsOnly("KEY_TOO_LONG");
        assertThat(quarantined()).hasSize(2);
        assertThat(systems.targetRows()).hasSize(9);
        assertThat(result.counts()).containsEntry("quarantined", 2L).containsEntry("applied", 9L);
        assertBreakersClosed();
    }

    @Test
    void aRowThatMakesTheTargetFailForNoKnownReasonIsQuarantinedAfterBoundedAttempts() {
        poisonTrigger("poison");
        insert(row -> row.put("name", "poison"));

        SyncResult result = sync();

        assertIsolated(result, "dst", "PROCESSING_FAILED", "$");
        assertThat(quarantined()).allSatisfy(q -> assertThat(q.get("message").toString()).contains("failed again and again"));
    }

    @Test
    void rowsWithoutAKeyInARunOfIdenticalCursorValuesAreQuarantinedOnceAndPagingMovesOn() {
        systems.insertAtOneInstant(rows(row -> {
            if (FIRST_LAST_ALONE.contains(row.get("id"))) {
                row.put("id", null);
            }
        }));

        SyncResult result = sync();

        assertThat(result.state()).isEqualTo("finished");
        assertThat(quarantined()).as("each keyless row once").hasSize(3)
                .allSatisfy(q -> assertThat(q.get("reason_code")).isEqualTo("MISSING_KEY"));
        Set<String> good = new TreeSet<>(ids());
        good.removeAll(FIRST_LAST_ALONE);
        assertThat(systems.targetRows().keySet()).isEqualTo(good);
        assertThat(result.counts()).containsEntry("applied", 8L).containsEntry("quarantined", 3L).containsEntry("dst:written", 8L);
        assertBreakersClosed();
    }

    @Test
    void invisibleFormatCharactersInAnAddressAreQuarantinedAtIngress() {
        insert(row -> row.put("email", row.get("id").toString().toLowerCase() + "\u200b@example.com"));

        SyncResult result = sync();

        assertIsolated(result, "src", "FORMAT_CHARACTER", "$.email");
        assertThat(quarantined()).allSatisfy(q -> assertThat(q.get("message").toString()).contains("U+200B").doesNotContain("@example.com"));
    }

    @Test
    void aSourceColumnWhoseTypeChangedUnderTheFlowQuarantinesOnlyTheRowsItCannotRead() {
        harness = new BadRecordsHarness(systems, dir, null, LIMITS);
        systems.insert(List.of(good(20)));
        assertThat(harness.sync().state()).as("the baseline: qty is a number").isEqualTo("finished");
        systems.target.db.execute("delete from " + systems.target.table);
        systems.source.alterType("qty", "varchar(40)");
        insert(row -> row.put("qty", "several"), row -> row.put("qty", row.get("qty").toString()));

        SyncResult result = harness.sync();

        assertIsolated(result, "src", "UNREADABLE_SOURCE_VALUE", "$.qty");
        assertThat(quarantined()).allSatisfy(q -> assertThat(q.get("message").toString()).doesNotContain("several"));
    }

    @Test
    void aSourceColumnThatWentAwayStopsTheFlowOnceWithSourceSchemaDrift() {
        harness = new BadRecordsHarness(systems, dir, null, LIMITS);
        systems.insert(List.of(good(20)));
        assertThat(harness.sync().state()).isEqualTo("finished");
        insert(row -> { });
        systems.source.db.execute("alter table " + systems.source.table + " drop column code");

        assertThatThrownBy(harness::sync).isInstanceOf(io.temporal.client.WorkflowFailedException.class)
                .satisfies(e -> assertThat(rootMessage(e)).contains("SOURCE_SCHEMA_DRIFT").containsIgnoringCase("code"));
        assertThat(harness.breaker("src")).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    private static String rootMessage(Throwable e) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }

    /** A trigger on the target that fails the write of a row named {@code name} with an error that is not a data error. */
    abstract void poisonTrigger(String name);

    // --- the standard assertions ---

    /** The rows at first/last/alone broke a rule at egress: all eleven decided, eight written, three quarantined at the target. */
    void assertIsolatedAtEgress(SyncResult result, String reason, String path) {
        assertIsolated(result, "dst", reason, path);
    }

    void assertIsolated(SyncResult result, String system, String reason, String path) {
        assertThat(result.state()).as("the flow finishes").isEqualTo("finished");
        assertThat(quarantined()).as("each bad row once, with its reason").extracting(q -> q.get("record_key")).containsExactlyInAnyOrderElementsOf(FIRST_LAST_ALONE);
        assertThat(quarantined()).allSatisfy(q -> {
            assertThat(q.get("system_name")).isEqualTo(system);
            assertThat(q.get("reason_code")).isEqualTo(reason);
            if (path != null) {
                assertThat(q.get("path")).isEqualTo(path);
            }
        });
        Set<String> good = new TreeSet<>(ids());
        good.removeAll(FIRST_LAST_ALONE);
        assertThat(systems.targetRows().keySet()).as("every good row of the same pages").isEqualTo(good);
        Map<String, Long> counts = result.counts();
        if (system.equals("dst")) {
            assertThat(counts).as("all read rows decided").containsEntry("applied", 11L);
            assertThat(counts).as("delivered: written + quarantined at the target").containsEntry("dst:written", 8L)
                    .containsEntry("dst:quarantined", 3L);
        } else {
            assertThat(counts).as("read = applied + quarantined").containsEntry("applied", 8L).containsEntry("quarantined", 3L);
            assertThat(counts).containsEntry("dst:written", 8L);
        }
        assertBreakersClosed();
    }

    void assertBreakersClosed() {
        assertThat(harness.breaker("dst")).as("a bad record never opens the target's breaker").isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(harness.breaker("src")).as("nor the source's").isEqualTo(CircuitBreaker.State.CLOSED);
    }

    List<Map<String, Object>> quarantined() {
        return harness.quarantine();
    }

    SyncResult sync() {
        harness = new BadRecordsHarness(systems, dir, null, LIMITS);
        return harness.sync();
    }

    // --- rows ---

    static List<String> ids() {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            ids.add(String.format("I%02d", i));
        }
        return ids;
    }

    /** Eleven rows, {@code bad} applied to I01, I05 and I11, inserted in order. */
    void insert(java.util.function.Consumer<Map<String, Object>> bad) {
        insert(bad, row -> { });
    }

    void insert(java.util.function.Consumer<Map<String, Object>> bad, java.util.function.Consumer<Map<String, Object>> all) {
        systems.insert(rows(row -> {
            all.accept(row);
            if (FIRST_LAST_ALONE.contains(row.get("id"))) {
                bad.accept(row);
            }
        }));
    }

    static List<Map<String, Object>> rows(java.util.function.Consumer<Map<String, Object>> edit) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            Map<String, Object> row = good(i);
            edit.accept(row);
            rows.add(row);
        }
        return rows;
    }

    static Map<String, Object> row(int i, UnaryOperator<Map<String, Object>> edit) {
        return edit.apply(good(i));
    }

    static Map<String, Object> good(int i) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", String.format("I%02d", i));
        row.put("name", "Item " + i);
        row.put("code", "C" + i);
        row.put("email", "item" + i + "@example.com");
        row.put("qty", (long) i);
        row.put("price", new BigDecimal(i + ".25"));
        row.put("credit", new BigDecimal(i + ".5"));
        return new HashMap<>(row);
    }
}
