package dev.accord.cli;

import dev.accord.workflows.AccordDataConverter;
import dev.accord.workflows.TaskQueues;
import dev.accord.workflows.codec.PayloadEncryption;
import dev.accord.workflows.codec.PayloadKeys;
import dev.accord.workflows.codec.PayloadProtection;
import dev.accord.workflows.codec.PiiNames;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * Where the CLI finds Temporal and the contract's workers: the same defaults as the worker (the embedded server on
 * 127.0.0.1:7233, task queue {@code accord}). {@link #client()} checks the frontend's health first, so a command against
 * an unreachable server fails within the connect timeout with {@link TemporalUnreachableException}, before it starts
 * or signals anything, instead of waiting out the SDK's RPC retries.
 */
public final class TemporalConnection {

    @Option(names = "--temporal", paramLabel = "HOST:PORT", defaultValue = "${env:TEMPORAL_ADDRESS:-127.0.0.1:7233}",
            description = {"Temporal frontend (default: $TEMPORAL_ADDRESS or 127.0.0.1:7233, the worker's embedded server).",
                "Payload keys: $ACCORD_PAYLOAD_KEYS or $ACCORD_PAYLOAD_KEY_FILE, else ./.accord/payload.key if it exists."})
    String address;

    @Option(names = "--namespace", defaultValue = "${env:TEMPORAL_NAMESPACE:-default}",
            description = "Temporal namespace (default: ${DEFAULT-VALUE}).")
    String namespace;

    @Option(names = "--tls", defaultValue = "${env:TEMPORAL_TLS:-false}", description = "Connect over TLS (default: $TEMPORAL_TLS).")
    boolean tls;

    @Option(names = "--api-key", paramLabel = "KEY", defaultValue = "${env:TEMPORAL_API_KEY}",
            description = "API key, e.g. for Temporal Cloud; implies TLS (default: $TEMPORAL_API_KEY).")
    String apiKey;

    @Option(names = "--tls-cert-path", paramLabel = "FILE", defaultValue = "${env:TEMPORAL_TLS_CLIENT_CERT_PATH}",
            description = "mTLS client certificate chain, PEM (default: $TEMPORAL_TLS_CLIENT_CERT_PATH).")
    Path tlsCertPath;

    @Option(names = "--tls-key-path", paramLabel = "FILE", defaultValue = "${env:TEMPORAL_TLS_CLIENT_KEY_PATH}",
            description = "mTLS client private key, PKCS#8 PEM (default: $TEMPORAL_TLS_CLIENT_KEY_PATH).")
    Path tlsKeyPath;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "How long to wait for Temporal to answer before giving up (default ${DEFAULT-VALUE}).")
    int connectTimeoutSeconds;

    @Option(names = "--task-queue", paramLabel = "QUEUE", defaultValue = "${env:ACCORD_TASK_QUEUE:-accord}",
            description = {"The task queue of the contract's workers (default: $ACCORD_TASK_QUEUE or accord). On any other",
                "than accord, workflow ids start with <queue>/ (e.g. billing/sync/<flow>)."})
    String taskQueue;

    /** The contract's task queue, where workflows are started. */
    public String taskQueue() {
        return TaskQueues.checked(taskQueue);
    }

    /** What to add to a follow-up command so that it finds the same contract's workflows: the task queue unless it is the default. */
    public String followUpOptions() {
        return TaskQueues.ACCORD.equals(taskQueue()) ? "" : " --task-queue " + taskQueue();
    }

    /** The id of a workflow of this contract ({@code sync/<flow>}, …), prefixed with the task queue unless it is the default. */
    public String workflowId(String id) {
        return TaskQueues.workflowId(taskQueue, id);
    }

    /** A client of a frontend that answered its health check; {@link TemporalUnreachableException} if none did in time. */
    public WorkflowClient client() {
        WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(serviceOptions());
        // One health check, not stubs.connect(): connect() retries with backoff for seconds past its timeout.
        try {
            if (stubs.healthCheck().getStatus() != HealthCheckResponse.ServingStatus.SERVING) {
                stubs.shutdownNow();
                throw new TemporalUnreachableException(address, null);
            }
        } catch (StatusRuntimeException e) {
            stubs.shutdownNow();
            throw new TemporalUnreachableException(address, e);
        }
        return WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder()
                .setNamespace(namespace)
                .setDataConverter(AccordDataConverter.create(payloadProtection()))
                .build());
    }

    /** The connection as Temporal's standard variables and the options above describe it (the worker reads the same ones). */
    WorkflowServiceStubsOptions serviceOptions() {
        WorkflowServiceStubsOptions.Builder options = WorkflowServiceStubsOptions.newBuilder().setTarget(address).setEnableHttps(tls)
                .setHealthCheckAttemptTimeout(Duration.ofSeconds(connectTimeoutSeconds));
        if (apiKey != null && !apiKey.isBlank()) {
            String key = apiKey.trim();
            options.addApiKey(() -> key).setEnableHttps(true);
        }
        if (tlsCertPath != null || tlsKeyPath != null) {
            options.setSslContext(ClientCertificate.sslContext(tlsCertPath, tlsKeyPath));
        }
        return options.build();
    }

    /**
     * The CLI sends no record values, so it seals nothing; it opens PII values (and whole encrypted payloads) with the
     * deployment's keys, looked up only when it meets one: {@code ACCORD_PAYLOAD_KEYS}, {@code ACCORD_PAYLOAD_KEY_FILE},
     * {@code ACCORD_PAYLOAD_KEY}, else the embedded worker's {@code .accord/payload.key} if it exists. It never creates one.
     */
    public static PayloadProtection payloadProtection() {
        return new PayloadProtection(PayloadEncryption.parse(System.getenv(PayloadEncryption.ENVIRONMENT)), PiiNames.none(),
                () -> PayloadKeys.required(System::getenv, PayloadKeys.EMBEDDED_FILE));
    }
}
