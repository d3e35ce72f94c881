package dev.accord.connectors;

/**
 * A position in a source's change stream: the cursor column's value (or outbox sequence) of the last row
 * read, and that row's key as tie-break, so rows sharing one cursor value are never lost between pages.
 *
 * @param position the cursor value in text form (ISO-8601 for timestamps, digits for sequences); null at the beginning
 * @param key the key of the last row read at that position; null at the beginning
 */
public record SourceCursor(String position, String key) {

    public static final SourceCursor BEGINNING = new SourceCursor(null, null);

    public boolean isBeginning() {
        return position == null;
    }
}
