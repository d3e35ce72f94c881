package dev.accord.worker.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.core.contract.FlowMode;
import dev.accord.core.contract.FlowSpec;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The counters the activities report, under the Prometheus names the alert rules and docs/operations.md use. */
class MicrometerSyncMetricsTest {

    @Test
    void sourceSchemaDriftIsCountedPerFlowSystemAndColumn() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        FlowSpec flow = new FlowSpec("crm-customers", "customer", "crm", List.of("billing"), FlowMode.CONTINUOUS,
                Duration.ofSeconds(5), 500, null);
        MicrometerSyncMetrics metrics = new MicrometerSyncMetrics(registry);

        metrics.drifted(flow, "qty");
        metrics.drifted(flow, "qty");

        assertThat(registry.scrape()).contains(
                "accord_source_schema_drift_total{column=\"qty\",domain=\"customer\",flow=\"crm-customers\",system=\"crm\"} 2.0");
    }
}
