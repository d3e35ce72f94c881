package dev.accord.connectors.jdbc;

/**
 * The contract's mapping does not fit the database: a table or column it names does not exist, or the
 * mapping lacks what an operation needs (a cursor or outbox to read, a version column to write with
 * compare-and-set, a soft-delete column to undelete). Not retryable: the contract or the schema must change.
 */
public final class MappingConfigurationException extends IllegalStateException {

    public MappingConfigurationException(String message) {
        super(message);
    }
}
