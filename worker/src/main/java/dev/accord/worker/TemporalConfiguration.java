package dev.accord.worker;

import dev.accord.workflows.AccordDataConverter;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Connects to Temporal: the server at {@code TEMPORAL_ADDRESS}, or an in-process one when it is unset. */
@Configuration(proxyBeanMethods = false)
class TemporalConfiguration {

    @Bean(destroyMethod = "close")
    TemporalEndpoint temporalEndpoint(AccordProperties properties) {
        return new TemporalEndpoint(properties.temporal());
    }

    @Bean(destroyMethod = "shutdown")
    WorkflowServiceStubs workflowServiceStubs(AccordProperties properties, TemporalEndpoint endpoint) {
        return WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                .setTarget(endpoint.target())
                .setEnableHttps(properties.temporal().tls())
                .build());
    }

    @Bean
    WorkflowClient workflowClient(WorkflowServiceStubs stubs, AccordProperties properties) {
        return WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder()
                .setNamespace(properties.temporal().namespace())
                .setDataConverter(AccordDataConverter.create())
                .build());
    }
}
