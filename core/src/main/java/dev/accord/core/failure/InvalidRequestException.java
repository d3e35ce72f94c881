package dev.accord.core.failure;

/**
 * A request names something that does not exist or asks for something that cannot be done (an unknown mode, a
 * batch size out of range, a rollback scope that matches no run): asking again gives the same answer, so the step
 * is not retried. The message says what is valid.
 */
public class InvalidRequestException extends IllegalArgumentException implements ClassifiedFailure {

    public InvalidRequestException(String message) {
        super(message);
    }

    @Override
    public FailureKind kind() {
        return FailureKind.CONFIGURATION;
    }

    @Override
    public String reasonCode() {
        return "INVALID_REQUEST";
    }
}
