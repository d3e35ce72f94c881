package dev.accord.core.schema;

/**
 * One difference between two versions of a schema.
 *
 * @param path JSON path of the data the change concerns: {@code $} for the record, {@code $.email} for a field
 * @param rule what kind of change it is, and which compatibility it keeps
 * @param detail the change in words, old value to new ({@code maxLength 254 → 100})
 */
public record SchemaChange(String path, ChangeRule rule, String detail) {

    @Override
    public String toString() {
        return path + ": " + rule + " (" + detail + ")";
    }
}
