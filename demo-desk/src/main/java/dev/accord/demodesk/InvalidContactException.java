package dev.accord.demodesk;

/**
 * A contact the desk will not store: answered {@code 422 Unprocessable Entity} with the field and, as many SaaS
 * APIs do, the offending value quoted in the message.
 */
final class InvalidContactException extends RuntimeException {

    InvalidContactException(String message) {
        super(message);
    }
}
