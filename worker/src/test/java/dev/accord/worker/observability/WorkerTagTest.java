package dev.accord.worker.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

/** Two workers of one deployment export different series: the tag names the process. */
class WorkerTagTest {

    @Test
    void theTagIsTheDeploymentAndTheProcessId() {
        assertThat(WorkerTag.value("eu-1", 4242)).isEqualTo("eu-1-4242");
        assertThat(WorkerTag.value(" eu-1 ", 7)).isEqualTo("eu-1-7");
        assertThat(WorkerTag.value(null, 1)).isEqualTo("local-1");
        assertThat(WorkerTag.value("", 1)).isEqualTo("local-1");
    }

    @Test
    void everyMeterRegisteredAfterwardsCarriesThisProcesssTag() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        WorkerTag.customizer("eu-1").customize(registry);

        registry.counter("accord.records", "flow", "crm-customers").increment();

        assertThat(registry.scrape()).contains("accord_records_total{flow=\"crm-customers\",worker=\"eu-1-"
                + ProcessHandle.current().pid() + "\"} 1.0");
    }
}
