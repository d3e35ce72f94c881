package dev.accord.activities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.core.page.PageRef;
import dev.accord.engine.Hub;
import dev.accord.engine.HubFixture;
import dev.accord.engine.PageFlow;
import dev.accord.workflows.activities.BackfillPageRequest;
import dev.accord.workflows.activities.BackfillPageResult;
import dev.accord.workflows.activities.ChunkProgress;
import dev.accord.workflows.activities.KeyRange;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One backfill page through the real boundary, hub and targets (the demo contract on H2): what it counts,
 * what it writes, what it leaves to the workflow, and that running the same page again changes nothing.
 */
class BackfillPagesTest {

    private static final List<String> TARGETS = List.of("billing", "support");

    private final HubFixture fixture = new HubFixture();
    private final Hub hub = fixture.engine.hub();
    private final PageFlow flow = fixture.engine.pageFlow(hub, fixture.engine.applier(hub));
    private final BackfillActivitiesImpl activities = new BackfillActivitiesImpl(fixture.engine.compiled(), fixture.engine.store(),
            fixture.engine.connectors(), fixture.engine.telemetry(), flow, Limits.DEFAULTS);
    private final BackfillPages pages = new BackfillPages(fixture.engine.store(), activities::extractRange, flow);
    private final PageRef page = HubFixture.page("crm-customers", "run-1", 1_000_001);

    BackfillPagesTest() throws Exception {
    }

    @BeforeEach
    void fourCustomersOneWithABrokenEmail() throws Exception {
        for (String key : List.of("C000001", "C000002", "C000003")) {
            crmRow(key, key.toLowerCase() + "@example.com");
        }
        crmRow("C000004", "not-an-email");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aPageIsValidatedResolvedAndWrittenToEveryTargetAndItsProgressSaved() throws Exception {
        BackfillPageResult result = pages.run(request(false), () -> { }, false);

        assertThat(result.held()).isFalse();
        assertThat(result.records()).isEqualTo(4);
        assertThat(result.lastKey()).isEqualTo("C000004");
        assertThat(result.hasMore()).isFalse();
        assertThat(result.counts()).containsEntry("applied", 3L).containsEntry("quarantined", 1L)
                .containsEntry("billing:written", 3L).containsEntry("support:written", 3L);
        assertThat(result.undelivered()).isEmpty();
        assertThat(result.progressSaved()).isTrue();
        assertThat(fixture.count("select count(*) from change_log where status = 'applied'")).isEqualTo(6);
        assertThat(fixture.count("select count(*) from quarantine where record_key = 'C000004'")).isPositive();
        assertThat(fixture.store.inTransaction(c -> fixture.store.backfillChunks().load(c, "run-1", 1)).orElseThrow())
                .satisfies(p -> {
                    assertThat(p.lastKeyDone()).isEqualTo("C000004");
                    assertThat(p.pages()).isEqualTo(1);
                    assertThat(p.records()).isEqualTo(4);
                });
    }

    @Test
    void thePageResultNamesTheQuarantinedRecordWithItsReasonCodeAndNoValue() {
        BackfillPageResult result = pages.run(request(false), () -> { }, false);

        assertThat(result.exceptions().listed()).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo("C000004");
            assertThat(e.decision()).isEqualTo("quarantined");
            assertThat(e.system()).isNull();
            assertThat(e.reason()).contains("at $.email").doesNotContain("not-an-email");
        });
        assertThat(result.exceptions().unlisted()).isZero();
    }

    @Test
    void runningTheSamePageAgainWritesNothingTwice() {
        pages.run(request(false), () -> { }, false);
        Map<String, Long> before = ledger();

        BackfillPageResult again = pages.run(request(false), () -> { }, false);

        assertThat(again.records()).isEqualTo(4);
        assertThat(again.counts()).containsEntry("applied", 3L);
        assertThat(ledger()).isEqualTo(before);
    }

    @Test
    void writesHeldByTheKillSwitchAreLeftToTheWorkflowWithTheirKeysAndProgressIsNotSaved() {
        fixture.store.inTransaction(c -> {
            fixture.store.killSwitch().set(c, true, "test", "test");
            return null;
        });

        BackfillPageResult result = pages.run(request(false), () -> { }, false);

        assertThat(result.undelivered()).containsOnlyKeys("billing", "support");
        assertThat(result.undelivered().get("billing")).containsExactly("C000001", "C000002", "C000003");
        assertThat(result.progressSaved()).isFalse();
        assertThat(fixture.count("select count(*) from change_log")).isZero();
        java.util.Optional<dev.accord.store.BackfillChunks.Chunk> saved = fixture.store.inTransaction(c -> fixture.store.backfillChunks().load(c, "run-1", 1));
        assertThat(saved).isEmpty();
    }

    @Test
    void aDryRunCountsWhatItWouldWriteAndWritesNothing() {
        BackfillPageResult result = pages.run(request(true), () -> { }, false);

        assertThat(result.counts()).containsEntry("billing:would-insert", 3L);
        assertThat(result.progressSaved()).isFalse();
        assertThat(fixture.count("select count(*) from golden_record")).isZero();
        assertThat(fixture.count("select count(*) from change_log")).isZero();
    }

    private BackfillPageRequest request(boolean dryRun) {
        return new BackfillPageRequest(page, new ChunkProgress("run-1", 1, new KeyRange(null, null), null, 0, 0, false), 500,
                "crm", TARGETS, dryRun);
    }

    private Map<String, Long> ledger() {
        return Map.of("applied_change", fixture.count("select count(*) from applied_change"),
                "field_history", fixture.count("select count(*) from field_history"),
                "change_log", fixture.count("select count(*) from change_log"),
                "quarantine", fixture.count("select count(*) from quarantine"),
                "golden_revisions", fixture.count("select coalesce(sum(revision), 0) from golden_record"));
    }

    private void crmRow(String key, String email) throws Exception {
        fixture.execute("crm", "insert into crm_customers (id, full_name, email, phone, status_code, signup_date, plan, updated_at,"
                + " row_version) values ('" + key + "', 'Customer " + key + "', '" + email + "', '+4930123456', 'A',"
                + " date '2020-01-01', 'pro', timestamp '2024-06-01 10:00:00', 1)");
    }
}
