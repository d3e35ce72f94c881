package dev.accord.worker.observability;

import dev.accord.core.contract.FlowSpec;
import dev.accord.core.page.AppliedPage;
import dev.accord.core.page.RecordOutcome;
import dev.accord.core.page.TargetOutcome;
import dev.accord.core.quality.FreshnessReport;
import dev.accord.engine.telemetry.SyncMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Locale;

/**
 * The activities' counts as Micrometer counters, tagged by flow, system and domain (Prometheus names in
 * docs/operations.md): {@code accord_records_total} per decision, {@code accord_schema_violations_total} per
 * reason code, {@code accord_deliveries_total} per row outcome, {@code accord_freshness_checks_total} per result,
 * {@code accord_reviews_escalated_total} per field, {@code accord_source_schema_drift_total} per drifted source column.
 */
final class MicrometerSyncMetrics implements SyncMetrics {

    static final String REQUIRED_FROM_WARNINGS = "accord.schema.required_from.warnings";

    private final MeterRegistry registry;

    MicrometerSyncMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void decided(FlowSpec flow, List<RecordOutcome> outcomes) {
        for (RecordOutcome outcome : outcomes) {
            counter("accord.records", "Changes read from a flow's source, by the hub's decision", flow, flow.source(),
                    "decision", outcome.decision().spelling()).increment();
        }
    }

    @Override
    public void violated(FlowSpec flow, String reasonCode) {
        counter("accord.schema.violations", "Rule violations at the ingress boundary, by reason code", flow, flow.source(),
                "reason", reasonCode).increment();
    }

    @Override
    public void drifted(FlowSpec flow, String column) {
        counter("accord.source.schema.drift", "Source reads that found a column's type or presence changed since first read",
                flow, flow.source(), "column", column).increment();
    }

    @Override
    public void delivered(FlowSpec flow, AppliedPage page) {
        for (TargetOutcome outcome : page.records()) {
            counter("accord.deliveries", "Rows delivered to a system, by outcome", flow, page.target(),
                    "outcome", outcome.status().name().toLowerCase(Locale.ROOT).replace('_', '-')).increment();
        }
    }

    @Override
    public void escalated(String flow, String domain, String field) {
        Counter.builder("accord.reviews.escalated").description("Reviews that passed their deadline undecided; the contract's default applied")
                .tag("flow", flow).tag("domain", domain).tag("field", field).register(registry).increment();
    }

    @Override
    public void warned(FlowSpec flow, String system, String side, String field) {
        Counter.builder(REQUIRED_FROM_WARNINGS).description("Records that passed a required-from requirement only because it is not in force yet")
                .tag("flow", flow.name()).tag("system", system).tag("side", side).tag("field", field).register(registry).increment();
    }

    @Override
    public void measured(FreshnessReport report) {
        Counter.builder("accord.freshness.checks").description("Freshness checks of a flow against its SLA, by result")
                .tag("flow", report.flow()).tag("result", report.breached() ? "breached" : report.behind() ? "behind" : "fresh")
                .register(registry).increment();
    }

    private Counter counter(String name, String description, FlowSpec flow, String system, String key, String value) {
        return Counter.builder(name).description(description)
                .tag("flow", flow.name()).tag("system", system).tag("domain", flow.domain()).tag(key, value)
                .register(registry);
    }
}
