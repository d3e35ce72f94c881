package dev.accord.workflows.activities;

import java.util.List;

/**
 * One page read from a source.
 *
 * @param next the cursor after the page's last row
 * @param hasMore the page was full: more rows may follow at once
 * @param head the newest position in the source when the page was read, for lag
 */
public record ExtractedPage(List<SourceRecord> records, Cursor next, boolean hasMore, Cursor head) {

    public boolean hasNoRecords() {
        return records.isEmpty();
    }
}
