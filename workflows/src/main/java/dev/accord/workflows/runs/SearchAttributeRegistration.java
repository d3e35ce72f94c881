package dev.accord.workflows.runs;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Registers {@link AccordSearchAttributes} in a namespace through Temporal's OperatorService, one attribute at
 * a time so that one already there (ALREADY_EXISTS, or a server that accepts the same definition again) does
 * not hide the others. Idempotent: every worker does it at start-up. Client code, not workflow code.
 *
 * <p>Works on a real server (self-hosted; Temporal Cloud manages attributes through its own API and answers
 * PERMISSION_DENIED or UNIMPLEMENTED here) and on the Java test server, whose OperatorService adds attributes
 * but whose visibility cannot list workflows by them.
 */
public final class SearchAttributeRegistration {

    /**
     * What registering did.
     *
     * @param added attributes this call created
     * @param existing attributes the namespace already had
     * @param refusal why the server refused to register (status and description); null when it did not refuse
     */
    public record Result(List<String> added, List<String> existing, String refusal) {

        public boolean refused() {
            return refusal != null;
        }
    }

    private SearchAttributeRegistration() {}

    /** Registers every Accord attribute in {@code namespace} on the server {@code stubs} talk to. */
    public static Result register(WorkflowServiceStubs stubs, String namespace) {
        OperatorServiceStubs operator = OperatorServiceStubs.newServiceStubs(OperatorServiceStubsOptions.newBuilder()
                .setChannel(stubs.getRawChannel())
                .validateAndBuildWithDefaults());
        try {
            return register(operator, namespace);
        } finally {
            operator.shutdown();
        }
    }

    static Result register(OperatorServiceStubs operator, String namespace) {
        List<String> added = new ArrayList<>();
        List<String> existing = new ArrayList<>();
        for (Map.Entry<String, IndexedValueType> attribute : AccordSearchAttributes.definitions().entrySet()) {
            try {
                operator.blockingStub().addSearchAttributes(AddSearchAttributesRequest.newBuilder()
                        .setNamespace(namespace)
                        .putSearchAttributes(attribute.getKey(), attribute.getValue())
                        .build());
                added.add(attribute.getKey());
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() == Status.Code.ALREADY_EXISTS) {
                    existing.add(attribute.getKey());
                } else {
                    return new Result(added, existing, e.getStatus().getCode() + ": " + e.getStatus().getDescription());
                }
            }
        }
        return new Result(added, existing, null);
    }
}
