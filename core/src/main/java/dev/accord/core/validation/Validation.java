package dev.accord.core.validation;

import java.util.List;

/**
 * The outcome of validating one record.
 *
 * @param violations broken rules: the record goes to quarantine
 * @param warnings rules that are not in force yet ({@code required-from}): the record passes, the caller counts them
 */
public record Validation(List<Violation> violations, List<Violation> warnings) {

    public Validation {
        violations = List.copyOf(violations);
        warnings = List.copyOf(warnings);
    }
}
