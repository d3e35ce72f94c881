package dev.accord.core.page;

/**
 * A position in a source's change stream, as it travels through workflow histories: the cursor value
 * (or outbox sequence) in text form, and the key of the last row read there (tie-break).
 */
public record Cursor(String position, String key) {

    public static final Cursor BEGINNING = new Cursor(null, null);

    public boolean atBeginning() {
        return position == null;
    }

    @Override
    public String toString() {
        return position == null ? "beginning" : position + " / " + key;
    }
}
