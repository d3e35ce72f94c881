package dev.accord.worker;

import dev.accord.workflows.runs.AccordSearchAttributes;
import dev.accord.workflows.runs.SearchAttributeRegistration;
import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Registers Accord's search attributes in the worker's namespace when the application context is ready and
 * before the worker polls or any workflow is started (freshness checks start on ApplicationReadyEvent), so every
 * start with {@code WorkflowStarts} options is accepted. Never fails the worker: it logs one line saying what it
 * did, and where it could not (Temporal Cloud, a namespace without operator rights) what to run instead; on the
 * Java test server it says that runs cannot be listed by the attributes there.
 */
final class SearchAttributeSetup implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(SearchAttributeSetup.class);

    private final WorkflowServiceStubs stubs;
    private final String namespace;

    SearchAttributeSetup(WorkflowServiceStubs stubs, String namespace) {
        this.stubs = stubs;
        this.namespace = namespace;
    }

    @Override
    public void afterSingletonsInstantiated() {
        SearchAttributeRegistration.Result result;
        try {
            result = SearchAttributeRegistration.register(stubs, namespace);
        } catch (RuntimeException e) {
            result = new SearchAttributeRegistration.Result(List.of(), List.of(), e instanceof StatusRuntimeException status
                    ? status.getStatus().toString() : e.toString());
        }
        if (result.refused()) {
            LOG.warn("cannot register the search attributes {} in namespace '{}' ({}): starts that carry them will be refused until"
                    + " they exist; create them as docs/operations.md shows (temporal operator search-attribute create …)",
                    AccordSearchAttributes.definitions().keySet(), namespace, result.refusal());
        } else if (isTestServer()) {
            LOG.info("search attributes {} registered on the Temporal test server, which cannot list workflows by them (no visibility):"
                    + " runs carry them and describe shows them; find runs with `accord runs list`", AccordSearchAttributes.definitions().keySet());
        } else {
            LOG.info("search attributes in namespace '{}': {} added, {} already there", namespace, result.added(), result.existing());
        }
    }

    /** The Java test server reports no server version. */
    private boolean isTestServer() {
        try {
            return stubs.blockingStub().getSystemInfo(GetSystemInfoRequest.getDefaultInstance()).getServerVersion().isEmpty();
        } catch (StatusRuntimeException e) {
            return false;
        }
    }
}
