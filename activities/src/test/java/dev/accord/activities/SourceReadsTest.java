package dev.accord.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.connectors.ConnectorFactory;
import dev.accord.connectors.SourceConnector;
import dev.accord.connectors.SourceCursor;
import dev.accord.connectors.SourcePage;
import dev.accord.connectors.SourceRow;
import dev.accord.connectors.TargetConnector;
import dev.accord.core.contract.FlowSpec;
import dev.accord.core.page.Cursor;
import dev.accord.core.page.SourceRecord;
import dev.accord.core.page.ValidatedPage;
import dev.accord.engine.Engine;
import dev.accord.engine.HubFixture;
import dev.accord.engine.WorkerIdentity;
import dev.accord.engine.telemetry.SyncMetrics;
import dev.accord.engine.telemetry.Telemetry;
import dev.accord.engine.telemetry.TraceIds;
import dev.accord.store.QuarantineLog;
import dev.accord.workflows.activities.ExtractRequest;
import dev.accord.workflows.activities.ExtractedPage;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The extract step over a source whose schema changes under the flow, and over a connector whose page does not move
 * on: values that cannot be read reach quarantine, a table that cannot be read stops the run with one non-retryable
 * failure, and every drift is counted for the flow and column.
 */
class SourceReadsTest {

    private final HubFixture fixture = new HubFixture();
    private final List<String> drifted = new ArrayList<>();
    private final Engine engine = fixture.engine.withTelemetry(new Telemetry(new SyncMetrics() {
        @Override
        public void drifted(FlowSpec flow, String column) {
            drifted.add(flow.name() + "/" + column);
        }
    }, TraceIds.NONE));

    SourceReadsTest() throws Exception {
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aValueThatNoLongerReadsAsItsColumnsTypeIsQuarantinedAtItsField() throws Exception {
        crmRow("C000001", "2024-06-01 10:00:00");
        crmRow("C000002", "2024-06-01 10:00:00");
        ExtractedPage first = extract(Cursor.BEGINNING);
        fixture.execute("crm", "alter table crm_customers alter column signup_date set data type varchar(20)");
        fixture.execute("crm", "update crm_customers set signup_date = 'soon', updated_at = timestamp '2024-06-01 11:00:00'"
                + " where id = 'C000002'");

        ExtractedPage page = extract(first.next());
        ValidatedPage validated = engine.boundary().validate(HubFixture.page("crm-customers", "run-1", 2), page.records(), false);

        assertThat(page.records()).singleElement().satisfies(r -> assertThat(r.unreadable()).containsOnlyKeys("signup_date"));
        assertThat(drifted).containsExactly("crm-customers/signup_date");
        assertThat(validated.changes()).isEmpty();
        assertThat(validated.quarantined()).singleElement().satisfies(o -> assertThat(o.key()).isEqualTo("C000002"));
        List<QuarantineLog.Entry> entries = fixture.store.inTransaction(c -> fixture.store.quarantine().recent(c, "crm-customers", 10));
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.reasonCode()).isEqualTo("UNREADABLE_SOURCE_VALUE");
            assertThat(e.path()).isEqualTo("$.signup_date");
            assertThat(e.message()).isEqualTo("column signup_date was date (DATE) when first read, is now text (CHARACTER VARYING);"
                    + " this value does not read as date");
            assertThat(e.payloadJson()).contains("soon");
        });
    }

    @Test
    void aMappedColumnThatIsGoneStopsTheRunWithOneNonRetryableFailure() throws Exception {
        crmRow("C000001", "2024-06-01 10:00:00");
        ExtractedPage first = extract(Cursor.BEGINNING);
        fixture.execute("crm", "alter table crm_customers drop column phone");

        assertThatThrownBy(() -> extract(first.next())).isInstanceOfSatisfying(ApplicationFailure.class, f -> {
            assertThat(f.isNonRetryable()).isTrue();
            assertThat(f.getType()).isEqualTo(Failures.CONFIGURATION_ERROR);
            assertThat(f.getOriginalMessage()).contains("source schema drift in system 'crm', table crm_customers: column phone was"
                    + " text (CHARACTER VARYING) when first read, is gone", "docs/runbook.md#8-a-sources-schema-changed-under-a-running-flow");
        });
        assertThat(drifted).containsExactly("crm-customers/phone");
    }

    @Test
    void aPageThatDoesNotMoveOnStopsTheRunInsteadOfLooping() {
        SourceCursor stuck = new SourceCursor("2024-06-01T10:00", null);
        SourceRow row = new SourceRow("C000001", 1, Instant.EPOCH, false, Map.of("id", "C000001"));
        Engine stalling = Engine.of(fixture.contract, fixture.store, new ConnectorFactory() {
            @Override
            public SourceConnector source(String system, String domain) {
                return new StalledSource(new SourcePage(List.of(row), stuck, true));
            }

            @Override
            public TargetConnector target(String system, String domain) {
                throw new AssertionError("an extract writes to no target, yet it asked for " + system);
            }
        }, new WorkerIdentity("test", "unit"));

        assertThatThrownBy(() -> new ExtractActivitiesImpl(stalling.compiled(), stalling.connectors(), stalling.telemetry(), Limits.DEFAULTS).extract(
                new ExtractRequest("crm-customers", new Cursor(stuck.position(), stuck.key()), 10)))
                .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
                    assertThat(f.isNonRetryable()).isTrue();
                    assertThat(f.getOriginalMessage()).contains("returned 1 row after position 2024-06-01T10:00 / null",
                            "bug of the connector");
                });
    }

    @Test
    void aKeylessRowReachesQuarantineAsMissingKeyUnderItsStandInKey() {
        Map<String, Object> columns = new HashMap<>();
        columns.put("id", null);
        columns.put("full_name", "Ada");
        SourceRecord keyless = new SourceRecord("no key: updated_at 2024-06-01T10:00, row 3f2a9c1b", 1, Instant.EPOCH, false, columns);

        ValidatedPage validated = engine.boundary().validate(HubFixture.page("crm-customers", "run-1", 1), List.of(keyless), false);

        assertThat(validated.quarantined()).singleElement().satisfies(o -> assertThat(o.key()).startsWith("no key: "));
        List<QuarantineLog.Entry> entries = fixture.store.inTransaction(c -> fixture.store.quarantine().recent(c, "crm-customers", 10));
        assertThat(entries).extracting(QuarantineLog.Entry::reasonCode).containsExactly("MISSING_KEY");
        assertThat(entries.get(0).dedupKey()).endsWith("|no key: updated_at 2024-06-01T10:00, row 3f2a9c1b");
    }

    private ExtractedPage extract(Cursor after) {
        return new ExtractActivitiesImpl(engine.compiled(), engine.connectors(), engine.telemetry(), Limits.DEFAULTS).extract(new ExtractRequest("crm-customers", after, 10));
    }

    private void crmRow(String key, String updatedAt) throws Exception {
        fixture.execute("crm", "insert into crm_customers (id, full_name, email, phone, status_code, signup_date, plan, updated_at,"
                + " row_version) values ('" + key + "', 'Customer " + key + "', '" + key.toLowerCase() + "@example.com', '+4930123456',"
                + " 'A', date '2020-01-01', 'pro', timestamp '" + updatedAt + "', 1)");
    }

    /** A connector with a bug: it answers every read with the same page, whose next position is where it was read. */
    private record StalledSource(SourcePage page) implements SourceConnector {
        @Override
        public SourcePage readChanges(SourceCursor after, int limit) {
            return page;
        }

        @Override
        public List<SourceRow> readByKeys(Collection<String> keys) {
            return List.of();
        }

        @Override
        public SourceCursor head() {
            return page.next();
        }

        @Override
        public SourcePage readKeyRange(String afterKey, String lastKey, int limit) {
            return page;
        }

        @Override
        public List<String> chunkBoundaries(String firstKey, String lastKey, int rowsPerChunk) {
            return List.of();
        }
    }
}
