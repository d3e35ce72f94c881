package dev.accord.activities.hub;

import dev.accord.activities.store.AccordStore;
import dev.accord.activities.telemetry.Telemetry;
import dev.accord.core.contract.Contract;
import dev.accord.core.mapping.RecordMapper;
import dev.accord.core.resolve.Resolver;
import dev.accord.core.validation.SchemaValidator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every activity works with: the contract the worker runs, the store, the connectors, and who this
 * worker is (recorded with every run). Mappers, validators and resolvers are built once per contract.
 *
 * @param workerVersion the Accord version of this worker
 * @param deploymentId where this worker runs (host, container), recorded in run artifacts
 * @param telemetry what the activities count and the trace they work in ({@link Telemetry#NONE} without a worker)
 */
public record SyncContext(Contract contract, AccordStore store, ConnectorFactory connectors, String workerVersion,
                          String deploymentId, Caches caches, Telemetry telemetry) {

    public SyncContext(Contract contract, AccordStore store, ConnectorFactory connectors, String workerVersion, String deploymentId) {
        this(contract, store, connectors, workerVersion, deploymentId, new Caches(), Telemetry.NONE);
    }

    /** The same context, counting and tracing through {@code telemetry}. */
    public SyncContext withTelemetry(Telemetry telemetry) {
        return new SyncContext(contract, store, connectors, workerVersion, deploymentId, caches, telemetry);
    }

    public RecordMapper mapper(String system, String domain) {
        return caches.mappers.computeIfAbsent(system + "/" + domain, k -> new RecordMapper(contract, system, domain));
    }

    public SchemaValidator validator(String domain) {
        return caches.validators.computeIfAbsent(domain, d -> new SchemaValidator(contract.domain(d)));
    }

    public Resolver resolver(String domain) {
        return caches.resolvers.computeIfAbsent(domain, d -> new Resolver(contract, d));
    }

    /** Per-contract objects that are expensive to build (compiled schemas) and safe to share. */
    public static final class Caches {
        private final Map<String, RecordMapper> mappers = new ConcurrentHashMap<>();
        private final Map<String, SchemaValidator> validators = new ConcurrentHashMap<>();
        private final Map<String, Resolver> resolvers = new ConcurrentHashMap<>();
    }
}
