package dev.accord.bench;

/** A benchmark step that could not run (a database, the worker or a workflow failed); the run stops. */
final class BenchException extends RuntimeException {

    BenchException(String message) {
        super(message);
    }

    BenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
