package dev.accord.worker;

import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Accord's search attributes registered in the worker's namespace at start-up ({@link SearchAttributeSetup}). */
@Configuration(proxyBeanMethods = false)
class SearchAttributesConfiguration {

    /** In the namespace of the starter's client ({@code spring.temporal.namespace}, {@code TEMPORAL_NAMESPACE}). */
    @Bean
    SearchAttributeSetup searchAttributeSetup(WorkflowServiceStubs stubs, WorkflowClient client) {
        return new SearchAttributeSetup(stubs, client.getOptions().getNamespace());
    }
}
