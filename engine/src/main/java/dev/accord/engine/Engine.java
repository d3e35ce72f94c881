package dev.accord.engine;

import dev.accord.connectors.ConnectorFactory;
import dev.accord.core.contract.Contract;
import dev.accord.engine.telemetry.Telemetry;
import dev.accord.store.AccordStore;

/**
 * The composition root of the engine: what its services are built over, and the services, each given only the
 * collaborators it works with. Only wiring code (the worker's configuration, the activities' registration, tests)
 * holds an Engine; the services never see it.
 *
 * @param telemetry what the services count and the trace they work in ({@link Telemetry#NONE} without a worker)
 */
public record Engine(CompiledContract compiled, AccordStore store, ConnectorFactory connectors, WorkerIdentity worker,
                     Telemetry telemetry) {

    /** The connectors are reached through the cross-reference where a target keeps its own ids ({@link LinkedConnectors}). */
    public Engine {
        connectors = LinkedConnectors.over(connectors, compiled, new Identities(compiled, store));
    }

    /** An engine over {@code contract}, compiled once here, counting and tracing nothing. */
    public static Engine of(Contract contract, AccordStore store, ConnectorFactory connectors, WorkerIdentity worker) {
        return new Engine(new CompiledContract(contract), store, connectors, worker, Telemetry.NONE);
    }

    /** The same engine, counting and tracing through {@code telemetry}. */
    public Engine withTelemetry(Telemetry telemetry) {
        return new Engine(compiled, store, connectors, worker, telemetry);
    }

    public Hub hub() {
        return new Hub(compiled, store, connectors, telemetry);
    }

    public Boundary boundary() {
        return new Boundary(compiled, store, telemetry);
    }

    public TargetApplier applier(Hub hub) {
        return new TargetApplier(compiled, store, connectors, telemetry, hub);
    }

    public PageFlow pageFlow(Hub hub, TargetApplier applier) {
        return new PageFlow(boundary(), hub, applier);
    }

    public RunBook runBook() {
        return new RunBook(compiled, store, worker);
    }

    public RunReverter reverter() {
        return new RunReverter(compiled, store, connectors);
    }

    public RollbackScopes rollbackScopes() {
        return new RollbackScopes(store);
    }

    public ReadBack readBack() {
        return new ReadBack(compiled, store, connectors);
    }

    public ReviewDesk reviewDesk() {
        return new ReviewDesk(compiled, store, telemetry);
    }

    public FreshnessMeter freshnessMeter() {
        return new FreshnessMeter(compiled, store, connectors, telemetry);
    }
}
