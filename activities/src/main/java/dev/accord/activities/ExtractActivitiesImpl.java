package dev.accord.activities;

import dev.accord.activities.hub.SyncContext;
import dev.accord.connectors.SourceConnector;
import dev.accord.connectors.SourceCursor;
import dev.accord.connectors.SourcePage;
import dev.accord.core.contract.FlowSpec;
import dev.accord.workflows.activities.Cursor;
import dev.accord.workflows.activities.ExtractActivities;
import dev.accord.workflows.activities.ExtractRequest;
import dev.accord.workflows.activities.ExtractedPage;
import dev.accord.workflows.activities.SourceRecord;

/** Reads one page from the flow's source connector. Read-only: retried freely; held while the source is unavailable. */
public final class ExtractActivitiesImpl implements ExtractActivities {

    private final SyncContext context;

    public ExtractActivitiesImpl(SyncContext context) {
        this.context = context;
    }

    @Override
    public ExtractedPage extract(ExtractRequest request) {
        Cursor from = request.after() == null ? Cursor.BEGINNING : request.after();
        return Failures.translated(() -> Holds.holdingWhileUnavailable(() -> {
            FlowSpec flow = context.contract().flow(request.flow());
            SourceConnector source = context.connectors().source(flow.source(), flow.domain());
            SourcePage page = source.readChanges(new SourceCursor(from.position(), from.key()), request.limit());
            SourceCursor head = source.head();
            return new ExtractedPage(
                    page.rows().stream().map(r -> new SourceRecord(r.key(), r.sourceVersion(), r.timestamp(), r.deleted(), r.columns(), r.malformed())).toList(),
                    new Cursor(page.next().position(), page.next().key()), page.hasMore(), new Cursor(head.position(), head.key()));
        }, unavailable -> ExtractedPage.heldAt(from)));
    }
}
