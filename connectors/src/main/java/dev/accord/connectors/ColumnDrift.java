package dev.accord.connectors;

/**
 * One column of a source table that no longer matches what the connector first read (its baseline): its type
 * changed, or it is gone. Types are described as Accord reads them and as the database names them
 * ({@code integer (int4)}); values never appear.
 *
 * @param column the column as the contract names it; {@code *} for the whole table
 * @param was its type when first read
 * @param now its type now; null when it (or the table) is gone
 */
public record ColumnDrift(String column, String was, String now) {

    /** For the whole table: it is gone (or can no longer be read). */
    public static final String TABLE = "*";

    public static ColumnDrift tableGone() {
        return new ColumnDrift(TABLE, "a readable table", null);
    }

    /** {@code column qty was integer (int4) when first read, is now text (varchar)}, {@code … is gone}, or the table is gone. */
    public String describe() {
        if (column.equals(TABLE)) {
            return "the table is gone or can no longer be read";
        }
        return "column " + column + " was " + was + " when first read, " + (now == null ? "is gone" : "is now " + now);
    }
}
