package dev.accord.core.validation;

/**
 * One broken rule of one record.
 *
 * @param path JSON path of the offending value, for example {@code $.email}
 * @param message what is wrong, naming the value's field and what was expected
 */
public record Violation(ReasonCode reason, String path, String message) {

    public static Violation at(ReasonCode reason, String field, String message) {
        return new Violation(reason, "$." + field, message);
    }

    @Override
    public String toString() {
        return reason + " at " + path + ": " + message;
    }
}
