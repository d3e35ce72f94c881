package dev.accord.worker.observability;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import dev.accord.activities.hub.ConnectorFactory;
import dev.accord.activities.store.AccordStore;
import dev.accord.activities.telemetry.Telemetry;
import dev.accord.activities.telemetry.TraceIds;
import dev.accord.core.contract.Contract;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.opentracingshim.OpenTracingShim;
import dev.accord.worker.TemporalEndpoint;
import io.temporal.client.WorkflowClient;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import io.temporal.opentracing.OpenTracingClientInterceptor;
import io.temporal.opentracing.OpenTracingOptions;
import io.temporal.opentracing.OpenTracingWorkerInterceptor;
import io.temporal.worker.WorkerFactoryOptions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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

    @Bean
    Telemetry telemetry(MeterRegistry registry) {
        return new Telemetry(new MicrometerSyncMetrics(registry), ObservabilityConfiguration::currentTraceId);
    }

    /** The current OpenTelemetry trace id, or null outside a trace. */
    static String currentTraceId() {
        SpanContext context = Span.current().getSpanContext();
        return context.isValid() ? context.getTraceId() : null;
    }

    /** The Temporal SDK's metrics (workflow and activity task latencies, failures, pollers, …) in our registry. */
    @Bean(destroyMethod = "close")
    Scope temporalMetricsScope(MeterRegistry registry, ObservabilityProperties properties) {
        return new RootScopeBuilder()
                .reporter(new MicrometerClientStatsReporter(registry))
                .reportEvery(com.uber.m3.util.Duration.ofMillis(properties.temporalReportInterval().toMillis()));
    }

    @Bean
    OpenTracingOptions temporalTracing(ObjectProvider<OpenTelemetry> openTelemetry) {
        return OpenTracingOptions.newBuilder()
                .setTracer(OpenTracingShim.createTracerShim(openTelemetry.getIfAvailable(OpenTelemetry::noop)))
                .build();
    }

    @Bean
    OpenTracingClientInterceptor temporalClientTracing(OpenTracingOptions options) {
        return new OpenTracingClientInterceptor(options);
    }

    /** Workers trace workflows and activities, and time every activity execution. */
    @Bean
    WorkerFactoryOptions workerFactoryOptions(OpenTracingOptions tracing, MeterRegistry registry) {
        return WorkerFactoryOptions.newBuilder()
                .setWorkerInterceptors(new OpenTracingWorkerInterceptor(tracing), new ActivityMetricsInterceptor(registry))
                .build();
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
    FreshnessSchedules freshnessSchedules(Contract contract, WorkflowClient client, FreshnessProperties properties) {
        return new FreshnessSchedules(contract, client, properties.interval());
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
