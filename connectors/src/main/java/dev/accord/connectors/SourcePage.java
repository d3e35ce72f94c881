package dev.accord.connectors;

import java.util.List;

/**
 * One page of changes in cursor order.
 *
 * @param next the cursor after the last row of this page (equal to the request's cursor when empty)
 * @param hasMore true when the page was full, so more rows may follow
 * @param drift the columns read for this page whose type is no longer the one the connector first read (their values
 *     were read as the old type, row by row); empty when nothing drifted or the connector does not check
 */
public record SourcePage(List<SourceRow> rows, SourceCursor next, boolean hasMore, List<ColumnDrift> drift) {

    public SourcePage {
        rows = List.copyOf(rows);
        drift = drift == null ? List.of() : List.copyOf(drift);
    }

    public SourcePage(List<SourceRow> rows, SourceCursor next, boolean hasMore) {
        this(rows, next, hasMore, List.of());
    }
}
