package dev.accord.workflows.activities;

import dev.accord.core.page.Cursor;
import dev.accord.core.page.SourceRecord;
import java.util.List;

/**
 * One page read from a source.
 *
 * @param next the cursor after the page's last row
 * @param hasMore the page was full: more rows may follow at once
 * @param head the newest position in the source when the page was read, for lag
 * @param held the source is unavailable for now (its circuit breaker is open, it throttles): nothing was
 *     read, and the workflow waits on a durable timer before it reads from the same cursor again
 */
public record ExtractedPage(List<SourceRecord> records, Cursor next, boolean hasMore, Cursor head, boolean held) {

    public ExtractedPage(List<SourceRecord> records, Cursor next, boolean hasMore, Cursor head) {
        this(records, next, hasMore, head, false);
    }

    /** Nothing read: the source is unavailable; read from {@code after} again later. */
    public static ExtractedPage heldAt(Cursor after) {
        return new ExtractedPage(List.of(), after, false, Cursor.BEGINNING, true);
    }

    public boolean hasNoRecords() {
        return records.isEmpty();
    }
}
