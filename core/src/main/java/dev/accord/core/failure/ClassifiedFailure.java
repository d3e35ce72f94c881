package dev.accord.core.failure;

/**
 * An exception that knows its {@link FailureKind} and the reason code it is reported under, so failures are told
 * apart by type, never by class name. Implemented by the exceptions of the contract loader, the connectors and the
 * store; whatever does not implement it is classified from its causes (see the connectors' {@code Failures}).
 */
public interface ClassifiedFailure {

    FailureKind kind();

    /** The code operators see (a {@code ReasonCode} for data failures, e.g. {@code SOURCE_SCHEMA_DRIFT} otherwise). */
    String reasonCode();
}
