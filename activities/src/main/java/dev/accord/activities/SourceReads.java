package dev.accord.activities;

import dev.accord.connectors.ColumnDrift;
import dev.accord.connectors.ConnectorFactory;
import dev.accord.connectors.PageProgress;
import dev.accord.connectors.SourceConnector;
import dev.accord.connectors.SourceCursor;
import dev.accord.connectors.SourcePage;
import dev.accord.connectors.SourceSchemaDriftException;
import dev.accord.core.contract.FlowSpec;
import dev.accord.engine.telemetry.Telemetry;
import java.util.List;
import java.util.function.Supplier;

/**
 * How the extract and backfill activities read a flow's source: a page is only taken when it moved on from where it
 * was read ({@link PageProgress}, else a non-retryable stalled-cursor failure), and schema drift is counted per flow
 * and column ({@code accord_source_schema_drift_total}): each page read with a drifted column, and each read that
 * drift stopped. Failures pass through unchanged for the activity to translate.
 */
final class SourceReads {

    private final ConnectorFactory connectors;
    private final Telemetry telemetry;

    SourceReads(ConnectorFactory connectors, Telemetry telemetry) {
        this.connectors = connectors;
        this.telemetry = telemetry;
    }

    /** Changes after {@code after}, which the page must move past when it has rows. */
    SourcePage changes(FlowSpec flow, SourceCursor after, int limit) {
        SourcePage page = counted(flow, () -> source(flow).readChanges(after, limit));
        return PageProgress.checked(flow.source(), flow.domain(), after, page);
    }

    SourceCursor head(FlowSpec flow) {
        return counted(flow, () -> source(flow).head());
    }

    /** A backfill's key range after {@code afterKey}, which the page's last key must move past when it has rows. */
    SourcePage range(FlowSpec flow, String afterKey, String lastKey, int limit) {
        SourcePage page = counted(flow, () -> source(flow).readKeyRange(afterKey, lastKey, limit));
        return PageProgress.checkedRange(flow.source(), flow.domain(), afterKey, page);
    }

    List<String> chunkBoundaries(FlowSpec flow, String firstKey, String lastKey, int rowsPerChunk) {
        return counted(flow, () -> source(flow).chunkBoundaries(firstKey, lastKey, rowsPerChunk));
    }

    private <T> T counted(FlowSpec flow, Supplier<T> read) {
        T result;
        try {
            result = read.get();
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
                if (cause instanceof SourceSchemaDriftException drift) {
                    telemetry.metrics().drifted(flow, drift.drift().column());
                    break;
                }
            }
            throw e;
        }
        if (result instanceof SourcePage page) {
            page.drift().stream().map(ColumnDrift::column).forEach(column -> telemetry.metrics().drifted(flow, column));
        }
        return result;
    }

    private SourceConnector source(FlowSpec flow) {
        return connectors.source(flow.source(), flow.domain());
    }
}
