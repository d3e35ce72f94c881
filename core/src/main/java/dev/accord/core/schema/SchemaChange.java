package dev.accord.core.schema;

import java.util.List;

/**
 * One difference between two versions of a schema, with its verdict in each direction.
 *
 * @param path JSON path of the data the change concerns: {@code $} for the record, {@code $.email} for a field,
 *             {@code $.tags[*]} for every item, {@code $.tags[0]} for a tuple position, {@code $.*} for an
 *             undeclared property
 * @param rule what kind of change it is
 * @param detail the change in words, old value to new ({@code maxLength 254 → 100})
 * @param backwardSafe every document valid under the old schema is still valid under the new one, as far as this
 *                     change is concerned
 * @param forwardSafe every document valid under the new schema was valid under the old one, as far as this
 *                    change is concerned
 */
public record SchemaChange(String path, ChangeRule rule, String detail, boolean backwardSafe, boolean forwardSafe) {

    /** A change with the rule's usual verdict. */
    public SchemaChange(String path, ChangeRule rule, String detail) {
        this(path, rule, detail, rule.backwardSafe(), rule.forwardSafe());
    }

    /** A change whose verdict is that of the changes it is made of (all must be safe). */
    static SchemaChange summing(String path, ChangeRule rule, String detail, List<SchemaChange> parts) {
        boolean backward = parts.stream().allMatch(SchemaChange::backwardSafe);
        boolean forward = parts.stream().allMatch(SchemaChange::forwardSafe);
        String inside = parts.isEmpty() ? "" : " [" + String.join("; ", parts.stream().map(SchemaChange::inner).toList()) + "]";
        return new SchemaChange(path, rule, detail + inside, backward, forward);
    }

    private String inner() {
        return path + " " + rule + " (" + detail + ")";
    }

    @Override
    public String toString() {
        return path + ": " + rule + " (" + detail + ")";
    }
}
