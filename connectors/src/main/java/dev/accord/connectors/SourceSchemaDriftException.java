package dev.accord.connectors;

import dev.accord.core.failure.ClassifiedFailure;
import dev.accord.core.failure.FailureKind;

/**
 * A source table can no longer be read as the connector first read it: a mapped column is gone, the table is gone,
 * or the type of a column that orders or selects the rows (the cursor, the key, an outbox's sequence) changed.
 * Retrying reads the same table again, so this is a configuration failure: the run stops with one non-retryable
 * failure whose message names the system, the table, the column, the old and the new type, and the runbook step.
 * No circuit breaker counts it. (A changed type of another column does not stop anything: its values are read as
 * the old type, row by row, and the rows whose values cannot be are quarantined as UNREADABLE_SOURCE_VALUE.)
 */
public final class SourceSchemaDriftException extends IllegalStateException implements ClassifiedFailure {

    public static final String RUNBOOK = "docs/runbook.md#8-a-sources-schema-changed-under-a-running-flow";

    private final String system;
    private final String table;
    private final ColumnDrift drift;

    public SourceSchemaDriftException(String system, String table, ColumnDrift drift, Throwable cause) {
        super("source schema drift in system '" + system + "', table " + table + ": " + drift.describe()
                + "; the table cannot be read as the flow maps it. Change it back, or change the contract's mapping to the"
                + " new shape and restart the workers (they take a table's shape as they first read it), then start the"
                + " flow again (" + RUNBOOK + ")", cause);
        this.system = system;
        this.table = table;
        this.drift = drift;
    }

    public String system() {
        return system;
    }

    public String table() {
        return table;
    }

    public ColumnDrift drift() {
        return drift;
    }

    @Override
    public FailureKind kind() {
        return FailureKind.CONFIGURATION;
    }

    @Override
    public String reasonCode() {
        return "SOURCE_SCHEMA_DRIFT";
    }
}
