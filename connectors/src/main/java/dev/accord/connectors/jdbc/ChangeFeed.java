package dev.accord.connectors.jdbc;

import dev.accord.connectors.SourceCursor;
import dev.accord.connectors.SourcePage;

/** Where a source table's changes come from: its cursor column ({@link CursorFeed}) or an outbox table ({@link OutboxFeed}). */
interface ChangeFeed {

    /** Up to {@code limit} changes after {@code after}, in the feed's order. */
    SourcePage read(SourceCursor after, int limit);

    /** The newest position; {@link SourceCursor#BEGINNING} when there is nothing to read. */
    SourceCursor head();
}
