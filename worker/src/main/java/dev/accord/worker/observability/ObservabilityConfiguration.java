package dev.accord.worker.observability;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import dev.accord.connectors.ConnectorFactory;
import dev.accord.core.contract.Contract;
import dev.accord.engine.telemetry.Telemetry;
import dev.accord.store.AccordStore;
import dev.accord.worker.AccordProperties;
import dev.accord.worker.TemporalEndpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.opentracingshim.OpenTracingShim;
import io.temporal.client.WorkflowClient;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.actuate.autoconfigure.metrics.MeterRegistryCustomizer;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Metrics and traces of the worker. Metrics go to the application's Micrometer registry (Prometheus, on
 * {@code /actuator/prometheus}): the activities' counts through the {@link Telemetry} port, activity and
 * connector timings, gauges read from the store, and the Temporal SDK's own metrics through a tally scope.
 * Traces are OpenTelemetry spans (Micrometer Tracing's bridge): Temporal's tracing interceptors (OpenTracing,
 * through the OpenTelemetry shim) span workflow → activity, connector calls are observed inside them, and the
 * trace id goes into the field history. Spans are exported only when an OTLP endpoint is configured.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ObservabilityProperties.class, FreshnessProperties.class})
public class ObservabilityConfiguration {

    /** Every meter carries the worker process that exports it ({@link WorkerTag}). */
    @Bean
    static MeterRegistryCustomizer<MeterRegistry> workerTag(AccordProperties properties) {
        return WorkerTag.customizer(properties.deploymentId());
    }

    @Bean
    Telemetry telemetry(MeterRegistry registry) {
        return new Telemetry(new MicrometerSyncMetrics(registry), ObservabilityConfiguration::currentTraceId);
    }

    /** The current OpenTelemetry trace id, or null outside a trace. */
    static String currentTraceId() {
        SpanContext context = Span.current().getSpanContext();
        return context.isValid() ? context.getTraceId() : null;
    }

    /**
     * The Temporal SDK's metrics (workflow and activity task latencies, failures, pollers, …) in our registry, at
     * Accord's interval (the starter's own scope, reporting every 10 s, stays unused: TemporalConfiguration sets this
     * one on the service stubs).
     */
    @Bean(destroyMethod = "close")
    Scope accordTemporalMetricsScope(MeterRegistry registry, ObservabilityProperties properties) {
        return new RootScopeBuilder()
                .reporter(new MicrometerClientStatsReporter(registry))
                .reportEvery(com.uber.m3.util.Duration.ofMillis(properties.temporalReportInterval().toMillis()));
    }

    /**
     * The tracer of Temporal's OpenTracing interceptors, which the starter adds to the client and the workers when a
     * tracer bean exists: the application's OpenTelemetry behind an OpenTracing shim. (The starter's own shim bean
     * is conditional on an OpenTelemetry bean it looks for before Spring Boot has made one.)
     */
    @Bean
    io.opentracing.Tracer accordOpenTracingTracer(ObjectProvider<OpenTelemetry> openTelemetry) {
        return OpenTracingShim.createTracerShim(openTelemetry.getIfAvailable(OpenTelemetry::noop));
    }

    /** Every activity execution is timed. */
    @Bean
    ActivityMetricsInterceptor activityMetrics(MeterRegistry registry) {
        return new ActivityMetricsInterceptor(registry);
    }

    /** Wraps the connector factory so that every connector call is observed. */
    @Bean
    static BeanPostProcessor observedConnectors(ObjectProvider<ObservationRegistry> registry) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof ConnectorFactory connectors && !(bean instanceof ObservedConnectors)
                        ? new ObservedConnectors(connectors, registry.getIfAvailable(() -> ObservationRegistry.NOOP)) : bean;
            }
        };
    }

    @Bean
    HttpPort httpPort(TemporalEndpoint temporal, Environment environment) {
        return new HttpPort(temporal, environment);
    }

    @Bean
    FreshnessSchedules freshnessSchedules(Contract contract, WorkflowClient client, FreshnessProperties properties,
                                          AccordProperties accord) {
        return new FreshnessSchedules(contract, client, properties.interval(), accord.taskQueue());
    }

    /** Once the worker polls, puts the freshness checks on their schedule (unless switched off, see {@link FreshnessProperties}). */
    @Bean
    ApplicationListener<ApplicationReadyEvent> freshnessScheduling(FreshnessSchedules schedules, FreshnessProperties properties,
                                                                   TemporalEndpoint temporal) {
        return event -> {
            if (!properties.enabled(temporal.isEmbedded())) {
                return;
            }
            try {
                schedules.install();
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(FreshnessSchedules.class).error("cannot schedule the freshness checks: {}", e.getMessage(), e);
            }
        };
    }

    @Bean
    StoreGauges storeGauges(Contract contract, AccordStore store, MeterRegistry registry) {
        return new StoreGauges(contract, store, registry);
    }

    @Bean
    SmartLifecycle storeGaugeRefresh(StoreGauges gauges, ObservabilityProperties properties) {
        return new GaugeRefresh(gauges, properties);
    }
}
