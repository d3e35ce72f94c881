package dev.accord.connectors;

import java.util.List;

/**
 * One page of changes in cursor order.
 *
 * @param next the cursor after the last row of this page (equal to the request's cursor when empty)
 * @param hasMore true when the page was full, so more rows may follow
 */
public record SourcePage(List<SourceRow> rows, SourceCursor next, boolean hasMore) {

    public SourcePage {
        rows = List.copyOf(rows);
    }
}
