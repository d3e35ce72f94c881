package dev.accord.activities;

import dev.accord.connectors.ConnectorFactory;
import dev.accord.connectors.SourceCursor;
import dev.accord.connectors.SourcePage;
import dev.accord.core.contract.FlowSpec;
import dev.accord.core.page.Cursor;
import dev.accord.core.page.SourceRecord;
import dev.accord.engine.CompiledContract;
import dev.accord.engine.Holds;
import dev.accord.engine.telemetry.Telemetry;
import dev.accord.workflows.activities.ExtractActivities;
import dev.accord.workflows.activities.ExtractRequest;
import dev.accord.workflows.activities.ExtractedPage;
import java.util.List;

/**
 * Reads one page from the flow's source connector. Read-only: retried freely; held while the source is unavailable.
 * A page that does not move past its cursor, or a source whose schema drifted so that it cannot be read, fails the
 * run instead of being read again ({@link SourceReads}). The page stays within the payload budget
 * ({@link PageBudget}): a page whose records would not fit is read again with as many rows as fit, so its next
 * cursor is the source's own.
 */
public final class ExtractActivitiesImpl implements ExtractActivities {

    private final CompiledContract compiled;
    private final ConnectorFactory connectors;
    private final Telemetry telemetry;
    private final SourceReads reads;
    private final PageBudget budget;

    public ExtractActivitiesImpl(CompiledContract compiled, ConnectorFactory connectors, Telemetry telemetry, Limits limits) {
        this.compiled = compiled;
        this.connectors = connectors;
        this.telemetry = telemetry;
        this.reads = new SourceReads(connectors, telemetry);
        this.budget = new PageBudget(limits);
    }

    @Override
    public ExtractedPage extract(ExtractRequest request) {
        Cursor from = request.after() == null ? Cursor.BEGINNING : request.after();
        return Failures.translated(() -> Holds.holdingWhileUnavailable(() -> {
            FlowSpec flow = compiled.contract().flow(request.flow());
            SourceCursor after = new SourceCursor(from.position(), from.key());
            SourcePage page = reads.changes(flow, after, request.limit());
            List<SourceRecord> records = budget.records(page);
            for (int fitting = budget.fitting(records); fitting < records.size(); fitting = budget.fitting(records)) {
                page = reads.changes(flow, after, fitting);
                records = budget.records(page);
            }
            SourceCursor head = reads.head(flow);
            return new ExtractedPage(records, new Cursor(page.next().position(), page.next().key()), page.hasMore(),
                    new Cursor(head.position(), head.key()));
        }, unavailable -> ExtractedPage.heldAt(from)));
    }
}
