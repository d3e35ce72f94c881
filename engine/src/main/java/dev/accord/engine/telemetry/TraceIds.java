package dev.accord.engine.telemetry;

/**
 * The id of the trace the current thread works in, recorded with every field decision so that one record's
 * journey can be found in the tracing backend. The worker reads it from its tracer; without tracing it is null.
 */
@FunctionalInterface
public interface TraceIds {

    TraceIds NONE = () -> null;

    /** The current trace id (32 hex digits), or null outside a trace. */
    String current();
}
