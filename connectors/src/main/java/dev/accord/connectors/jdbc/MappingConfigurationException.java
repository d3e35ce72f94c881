package dev.accord.connectors.jdbc;

import dev.accord.core.failure.ClassifiedFailure;
import dev.accord.core.failure.FailureKind;
/**
 * The contract's mapping does not fit the database: a table or column it names does not exist, or the
 * mapping lacks what an operation needs (a cursor or outbox to read, a version column to write with
 * compare-and-set, a soft-delete column to undelete). Not retryable: the contract or the schema must change.
 */
public final class MappingConfigurationException extends IllegalStateException implements ClassifiedFailure {
    @Override
    public FailureKind kind() {
        return FailureKind.CONFIGURATION;
    }

    @Override
    public String reasonCode() {
        return "MAPPING_CONFIGURATION";
    }


    public MappingConfigurationException(String message) {
        super(message);
    }
}
