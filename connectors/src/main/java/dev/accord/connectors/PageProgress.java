package dev.accord.connectors;

import java.util.Objects;

/**
 * The promise every change feed makes, checked where a page is taken: a page with rows moves the position past
 * them. A page whose next position is the one it was read after would be read again, and again, forever; it is
 * refused with a {@link StalledCursorException} that says which position stalled. An empty page may stay where
 * it is (nothing new), and a full page of new rows always moves on, whatever its keys.
 */
public final class PageProgress {

    private PageProgress() {}

    /** The page, if it moved on from {@code after} (null: the beginning) or has no rows. */
    public static SourcePage checked(String system, String domain, SourceCursor after, SourcePage page) {
        SourceCursor from = after == null ? SourceCursor.BEGINNING : after;
        if (!page.rows().isEmpty() && from.equals(page.next())) {
            throw new StalledCursorException(system, domain, describe(from), page.rows().size());
        }
        return page;
    }

    /** A backfill's key-range page, if it moved on from {@code afterKey} (null: the first key) or has no rows. */
    public static SourcePage checkedRange(String system, String domain, String afterKey, SourcePage page) {
        String next = page.next() == null ? null : page.next().key();
        if (!page.rows().isEmpty() && Objects.equals(afterKey, next)) {
            throw new StalledCursorException(system, domain, afterKey == null ? "the first key" : "key " + afterKey,
                    page.rows().size());
        }
        return page;
    }

    private static String describe(SourceCursor cursor) {
        return cursor.isBeginning() ? "the beginning" : "position " + cursor.position() + " / " + cursor.key();
    }
}
