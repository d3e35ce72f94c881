package dev.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.activities.ExtractActivitiesImpl;
import dev.accord.core.contract.FlowSpec;
import dev.accord.core.page.AppliedPage;
import dev.accord.core.page.Cursor;
import dev.accord.core.page.PageRef;
import dev.accord.core.page.RecordOutcome;
import dev.accord.core.page.ValidatedPage;
import dev.accord.core.quality.FreshnessReport;
import dev.accord.engine.DeliveryOrder;
import dev.accord.engine.telemetry.SyncMetrics;
import dev.accord.engine.telemetry.Telemetry;
import dev.accord.store.DataQuality;
import dev.accord.workflows.activities.ExtractRequest;
import dev.accord.workflows.activities.ExtractedPage;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Freshness measured on the demo contract's CRM flow over H2, through the real boundary, hub, delivery and
 * checkpoint: a flow that never ran, one that caught up (fresh however old its newest change), and one with
 * a newer row waiting (breached). Also what the telemetry port sees on the way: trace ids in the field
 * history, decisions, violations and deliveries counted.
 */
class FreshnessMeterTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final ZoneId CRM_ZONE = ZoneId.of("Europe/Berlin");

    private final HubFixture fixture = new HubFixture();
    private final Counting metrics = new Counting();
    private final Engine engine = fixture.engine.withTelemetry(new Telemetry(metrics, () -> TRACE));
    private final FreshnessMeter meter = engine.freshnessMeter();

    FreshnessMeterTest() throws Exception {
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aFlowThatNeverRanOverASourceWithRowsIsBreached() throws Exception {
        crmRow("C000001", "ada@example.com", LocalDateTime.now(CRM_ZONE).minusHours(1));

        FreshnessReport report = meter.measure("crm-customers", "freshness/crm-customers", "r1");

        assertThat(report.behind()).isTrue();
        assertThat(report.breached()).isTrue();
        assertThat(report.slaSeconds()).isEqualTo(300);
        assertThat(report.freshnessSeconds()).isNull();
        assertThat(report.checkpoint()).isEqualTo("beginning");
        assertThat(fixture.count("select count(*) from freshness_check where flow = 'crm-customers' and breached")).isEqualTo(1);
        assertThat(metrics.measured).containsExactly(report);
    }

    @Test
    void aCaughtUpFlowIsFreshAndANewerRowWaitingBreachesItsSla() throws Exception {
        LocalDateTime hourAgo = LocalDateTime.now(CRM_ZONE).minusHours(1).withNano(0);
        crmRow("C000001", "ada@example.com", hourAgo);
        crmRow("C000002", "not-an-email", hourAgo);
        sync();

        FreshnessReport caughtUp = meter.measure("crm-customers", "freshness/crm-customers", "r1");
        crmRow("C000003", "grace@example.com", hourAgo.plusMinutes(50));
        FreshnessReport behind = meter.measure("crm-customers", "freshness/crm-customers", "r2");
        meter.caughtUp(behind.checkId(), "sync/crm-customers", "run-2");

        assertThat(caughtUp.behind()).isFalse();
        assertThat(caughtUp.breached()).isFalse();
        assertThat(caughtUp.freshnessSeconds()).isBetween(3_590L, 3_700L);
        assertThat(behind.behind()).isTrue();
        assertThat(behind.breached()).isTrue();
        assertThat(behind.lagSeconds()).isEqualTo(3_000);
        assertThat(fixture.store.inTransaction(c -> fixture.store.freshness().latest(c, "crm-customers")).orElseThrow())
                .satisfies(check -> {
                    assertThat(check.breached()).isTrue();
                    assertThat(check.catchUpWorkflowId()).isEqualTo("sync/crm-customers");
                    assertThat(check.catchUpRunId()).isEqualTo("run-2");
                });
    }

    @Test
    void theTelemetryPortSeesTraceIdsDecisionsViolationsAndDeliveries() throws Exception {
        LocalDateTime hourAgo = LocalDateTime.now(CRM_ZONE).minusHours(1);
        crmRow("C000001", "ada@example.com", hourAgo);
        crmRow("C000002", "not-an-email", hourAgo);

        sync();

        assertThat(fixture.count("select count(*) from field_history where trace_id = '" + TRACE + "'"))
                .isEqualTo(fixture.count("select count(*) from field_history")).isPositive();
        assertThat(metrics.counts).containsEntry("decided:crm-customers:applied", 1L)
                .containsEntry("violated:crm-customers:SCHEMA_CONSTRAINT", 1L)
                .containsEntry("delivered:crm-customers:billing", 1L)
                .containsEntry("delivered:crm-customers:support", 1L);
        DataQuality quality = engine.store().inTransaction(c -> DataQuality.measure(c, engine.compiled().contract().domain("customer")));
        assertThat(quality.records()).isEqualTo(1);
        assertThat(quality.completeness()).isEqualTo(1.0);
        assertThat(quality.uniqueness()).isEqualTo(1.0);
        assertThat(quality.integrity()).isEqualTo(1.0);
    }

    private void sync() {
        Hub hub = engine.hub();
        PageRef ref = HubFixture.page("crm-customers", "run-1", 1);
        ExtractedPage page = new dev.accord.activities.ExtractActivitiesImpl(engine.compiled(), engine.connectors(), engine.telemetry(), dev.accord.activities.Limits.DEFAULTS).extract(new ExtractRequest("crm-customers", Cursor.BEGINNING, 100));
        ValidatedPage validated = engine.boundary().validate(ref, page.records(), false);
        hub.resolve(ref, validated.changes(), false);
        TargetApplier applier = engine.applier(hub);
        for (String target : List.of("billing", "support")) {
            applier.apply(DeliveryOrder.drain(ref, target, false), () -> { });
        }
        engine.runBook().checkpoint(ref, page.next(), page.head());
    }

    private void crmRow(String key, String email, LocalDateTime updatedAt) throws Exception {
        fixture.execute("crm", "insert into crm_customers (id, full_name, email, phone, status_code, signup_date, plan, updated_at,"
                + " row_version) values ('" + key + "', 'Customer " + key + "', '" + email + "', '+4930123456', 'A',"
                + " date '2020-01-01', 'pro', timestamp '" + updatedAt.toString().replace('T', ' ') + "', 1)");
    }

    /** Counts what the port is told, by a readable name. */
    private static final class Counting implements SyncMetrics {
        final Map<String, Long> counts = new ConcurrentHashMap<>();
        final List<FreshnessReport> measured = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void decided(FlowSpec flow, List<RecordOutcome> outcomes) {
            outcomes.forEach(o -> counts.merge("decided:" + flow.name() + ":" + o.decision().spelling(), 1L, Long::sum));
        }

        @Override
        public void violated(FlowSpec flow, String reasonCode) {
            counts.merge("violated:" + flow.name() + ":" + reasonCode, 1L, Long::sum);
        }

        @Override
        public void delivered(FlowSpec flow, AppliedPage page) {
            counts.merge("delivered:" + flow.name() + ":" + page.target(), (long) page.records().size(), Long::sum);
        }

        @Override
        public void measured(FreshnessReport report) {
            measured.add(report);
        }
    }
}
