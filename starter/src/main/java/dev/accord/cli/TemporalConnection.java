package dev.accord.cli;

import dev.accord.workflows.AccordDataConverter;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import picocli.CommandLine.Option;

/** Where the CLI finds Temporal: the same defaults as the worker (the embedded server on 127.0.0.1:7233). */
public final class TemporalConnection {

    @Option(names = "--temporal", paramLabel = "HOST:PORT", defaultValue = "${env:TEMPORAL_ADDRESS:-127.0.0.1:7233}",
            description = "Temporal frontend (default: $TEMPORAL_ADDRESS or 127.0.0.1:7233, the worker's embedded server).")
    String address;

    @Option(names = "--namespace", defaultValue = "${env:TEMPORAL_NAMESPACE:-default}",
            description = "Temporal namespace (default: ${DEFAULT-VALUE}).")
    String namespace;

    @Option(names = "--tls", description = "Connect over TLS.")
    boolean tls;

    public WorkflowClient client() {
        WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                .setTarget(address)
                .setEnableHttps(tls)
                .build());
        return WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder()
                .setNamespace(namespace)
                .setDataConverter(AccordDataConverter.create())
                .build());
    }
}
