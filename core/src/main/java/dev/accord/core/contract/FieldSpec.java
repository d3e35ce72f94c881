package dev.accord.core.contract;

import java.util.List;

/**
 * Governance and merge rules of one canonical field.
 *
 * @param type canonical type, from the domain's JSON Schema
 * @param owner the system of record
 * @param merge how competing writes are decided
 * @param priority ordered systems for {@code source-priority} (first wins); empty otherwise
 * @param writers systems besides the owner allowed to write under last-writer-wins or review;
 *     empty means every system that maps the field
 * @param required the field must hold a value in every live record
 * @param allowed the only permitted values; empty means any
 * @param references {@code domain} whose key this field holds, or null
 * @param requiredFrom when the field becomes required (a date or a flag); null when it does not
 * @param onMissingReference what apply does when the referenced key is missing (only with {@code references})
 * @param review when a change to the field waits for a human, and what happens at the deadline
 * @param formatCharacters what ingress does with invisible Unicode format characters in the field's text,
 *     with the defaults resolved; null for a field that is not text (numbers, booleans, dates, timestamps)
 */
public record FieldSpec(
        String name,
        FieldType type,
        String owner,
        MergeStrategy merge,
        List<String> priority,
        List<String> writers,
        String description,
        String unit,
        boolean pii,
        String steward,
        boolean required,
        List<String> allowed,
        String references,
        RequiredFrom requiredFrom,
        MissingReference onMissingReference,
        ReviewRule review,
        FormatCharacters formatCharacters) {

    public FieldSpec {
        review = review == null ? ReviewRule.DEFAULTS : review;
        priority = List.copyOf(priority);
        writers = List.copyOf(writers);
        allowed = List.copyOf(allowed);
    }
}
