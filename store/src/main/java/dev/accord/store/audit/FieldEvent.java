package dev.accord.store.audit;

import java.time.Instant;

/**
 * One event in a field's life, as "explain" shows it: what was proposed and decided, from which system
 * and version, in which run under which contract and schema, and when.
 *
 * @param oldValue the golden value before (JSON text), {@code "***"} when masked
 * @param newValue the value proposed (JSON text), {@code "***"} when masked
 */
public record FieldEvent(String field, Instant at, String decision, String reason, String oldValue, String newValue,
                         String sourceSystem, long sourceVersion, Instant sourceTime, String flow, String workflowId,
                         String runId, String executionRunId, String contractHash, String contractVersion,
                         int schemaVersion, String traceId) {}
