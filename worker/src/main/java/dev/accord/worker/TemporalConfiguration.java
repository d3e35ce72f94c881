package dev.accord.worker;

import com.uber.m3.tally.Scope;
import dev.accord.workflows.AccordDataConverter;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.common.interceptors.WorkflowClientInterceptor;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Connects to Temporal: the server at {@code TEMPORAL_ADDRESS}, or an in-process one when it is unset. The
 * SDK's metrics and the client's tracing come from the observability configuration.
 */
@Configuration(proxyBeanMethods = false)
class TemporalConfiguration {

    @Bean(destroyMethod = "close")
    TemporalEndpoint temporalEndpoint(AccordProperties properties) {
        return new TemporalEndpoint(properties.temporal());
    }

    @Bean(destroyMethod = "shutdown")
    WorkflowServiceStubs workflowServiceStubs(AccordProperties properties, TemporalEndpoint endpoint, Scope temporalMetricsScope) {
        return WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                .setTarget(endpoint.target())
                .setEnableHttps(properties.temporal().tls())
                .setMetricsScope(temporalMetricsScope)
                .build());
    }

    @Bean
    WorkflowClient workflowClient(WorkflowServiceStubs stubs, AccordProperties properties, List<WorkflowClientInterceptor> interceptors) {
        return WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder()
                .setNamespace(properties.temporal().namespace())
                .setDataConverter(AccordDataConverter.create())
                .setInterceptors(interceptors.toArray(WorkflowClientInterceptor[]::new))
                .build());
    }
}
