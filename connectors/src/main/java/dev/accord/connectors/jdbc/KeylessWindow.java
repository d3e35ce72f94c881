package dev.accord.connectors.jdbc;

import dev.accord.connectors.SourceCursor;
import dev.accord.connectors.SourcePage;
import java.util.List;

/**
 * One page of a cursor feed whose key column may hold NULL. The keyed rows are read as always; then the rows
 * without a key in the cursor window those rows cover: above the position's cursor value and up to the last keyed
 * row's (keyless rows sort before the keyed rows of their value), or to the end when no keyed row is left. The page
 * ends at its last keyed row, or, holding none, at the last keyless row's cursor value without a key. A keyless
 * row beyond the last keyed row comes with the next page, which is why such a page reports {@code hasMore}. The
 * cursor values are compared by the database only, so text cursors keep their collation.
 *
 * <p>A page holds at most {@code limit} rows. Keyless rows have nothing that orders them within one cursor value,
 * so a page takes all of those or none: when the window holds more than fit, it ends earlier (fewer keyed rows, or
 * before the cursor value of the first keyless row that does not fit). When not even one cursor value's keyless rows
 * fit, more than a page of them share it: no page can hold them, and the read fails with a
 * {@link KeylessRowsException} (raising the flow's batch size above their number, or giving them keys, lets it on).
 */
final class KeylessWindow {

    private final CursorFeed feed;
    private final int limit;

    KeylessWindow(CursorFeed feed, int limit) {
        this.feed = feed;
        this.limit = limit;
    }

    SourcePage read(SourceCursor after) {
        Object below = null;
        while (true) {
            List<RowValues> keyed = feed.keyed(after, below, limit);
            List<RowValues> keyless = keyless(after, keyed, below);
            if (keyless.size() > limit) {
                // Below the cursor value of the first keyless row that does not fit, at most a page of them is left
                // (they came in cursor order), so the next round fits unless rows are being added meanwhile.
                below = feed.cursorOf(keyless.get(limit));
                continue;
            }
            if (keyed.isEmpty() && keyless.isEmpty() && below != null) {
                throw new KeylessRowsException(feed.describe() + ": more than " + limit + " rows without a key share the cursor"
                        + " value " + JdbcValues.text(below) + ", and a page holds " + limit + "; they cannot be read a page at a"
                        + " time. Give those rows keys, or raise the flow's batch-size above their number, then start the run again");
            }
            boolean fits = keyed.size() + keyless.size() <= limit;
            if (!fits) {
                keyed = keyed.subList(0, Math.max(1, limit - keyless.size()));
                keyless = keyless(after, keyed, below);
                if (keyed.size() + keyless.size() > limit) {
                    return feed.page(List.of(), keyless, feed.position(last(keyless)), true);
                }
            }
            SourceCursor next = !keyed.isEmpty() ? feed.position(last(keyed)) : !keyless.isEmpty() ? feed.position(last(keyless)) : after;
            return feed.page(keyed, keyless, next, !fits || !keyed.isEmpty() || below != null);
        }
    }

    /** The keyless rows up to the last of {@code keyed} (to the end when none), one more than a page at most. */
    private List<RowValues> keyless(SourceCursor after, List<RowValues> keyed, Object below) {
        return feed.keyless(after, keyed.isEmpty() ? null : feed.cursorOf(last(keyed)), below, limit + 1, false);
    }

    private static RowValues last(List<RowValues> rows) {
        return rows.get(rows.size() - 1);
    }
}
