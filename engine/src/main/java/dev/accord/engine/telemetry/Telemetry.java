package dev.accord.engine.telemetry;

/** The activities' view of observability: what they count, and which trace they work in. */
public record Telemetry(SyncMetrics metrics, TraceIds traces) {

    /** No metrics, no traces: tests and the CLI. */
    public static final Telemetry NONE = new Telemetry(SyncMetrics.NONE, TraceIds.NONE);
}
