package dev.accord.worker.observability;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.actuate.autoconfigure.metrics.MeterRegistryCustomizer;

/**
 * The {@code worker} tag on every meter this process exports: {@code <deployment id>-<pid>}, one value per
 * worker process. Several workers of one deployment (replicas of one container image, which share the
 * {@code deployment} tag when {@code ACCORD_DEPLOYMENT_ID} is set for all of them, or a worker restarted in
 * place) then never report the same series; the alert rules and the dashboard aggregate over it (counters
 * with {@code sum}, gauges read from the store with {@code max}, docs/operations.md).
 */
final class WorkerTag {

    static final String NAME = "worker";

    private WorkerTag() {}

    /** {@code <deploymentId>-<pid>}; {@code local} stands in for a missing deployment id. */
    static String value(String deploymentId, long pid) {
        String deployment = deploymentId == null || deploymentId.isBlank() ? "local" : deploymentId.strip();
        return deployment + "-" + pid;
    }

    /** Adds the tag of this process before any meter is registered. */
    static MeterRegistryCustomizer<MeterRegistry> customizer(String deploymentId) {
        String value = value(deploymentId, ProcessHandle.current().pid());
        return registry -> registry.config().commonTags(NAME, value);
    }
}
