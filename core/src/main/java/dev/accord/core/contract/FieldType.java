package dev.accord.core.contract;

/**
 * The canonical type of a field, read from the domain's JSON Schema
 * ({@code type} and, for strings, {@code format}).
 */
public enum FieldType {
    STRING, INTEGER, DECIMAL, BOOLEAN, TIMESTAMP, DATE;

    /** Maps a JSON Schema {@code type}/{@code format} pair; null when the type is not supported. */
    public static FieldType fromJsonSchema(String type, String format) {
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "string" -> "date-time".equals(format) ? TIMESTAMP : "date".equals(format) ? DATE : STRING;
            case "integer" -> INTEGER;
            case "number" -> DECIMAL;
            case "boolean" -> BOOLEAN;
            default -> null;
        };
    }
}
