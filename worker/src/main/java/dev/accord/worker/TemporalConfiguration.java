package dev.accord.worker;

import com.uber.m3.tally.Scope;
import dev.accord.workflows.AccordDataConverter;
import dev.accord.workflows.codec.PayloadProtection;
import io.temporal.common.converter.DataConverter;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.spring.boot.TemporalOptionsCustomizer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What Accord adds to Temporal's Spring Boot starter, which makes the connection, the client and the workers from
 * {@code spring.temporal.*} (and Temporal's {@code TEMPORAL_*} environment variables, see
 * {@link TemporalConnectionProperties}): the in-process server when no address is set, Accord's data converter, and
 * the SDK's metrics in Accord's registry. The starter picks up every {@code WorkflowClientInterceptor} and
 * {@code WorkerInterceptor} bean (tracing, activity timing, attempt fencing) by itself.
 */
@Configuration(proxyBeanMethods = false)
class TemporalConfiguration {

    @Bean(destroyMethod = "close")
    TemporalEndpoint temporalEndpoint(AccordProperties properties) {
        return new TemporalEndpoint(properties.temporal());
    }

    /**
     * Runs before the starter makes its service stubs: starts the in-process server first (the endpoint bean), and
     * reports the SDK's metrics at Accord's interval ({@code accord.observability.temporal-report-interval}).
     */
    @Bean
    TemporalOptionsCustomizer<WorkflowServiceStubsOptions.Builder> accordServiceStubs(TemporalEndpoint endpoint,
                                                                                    @Qualifier("accordTemporalMetricsScope") Scope metrics) {
        return builder -> builder.setMetricsScope(metrics);
    }

    /** The one data converter of Accord's clients and workers (the starter takes the bean named mainDataConverter). */
    @Bean
    DataConverter mainDataConverter(PayloadProtection payloads) {
        return AccordDataConverter.create(payloads);
    }
}
