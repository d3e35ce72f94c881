package dev.accord.activities.hub;

import dev.accord.activities.store.Checkpoints;
import dev.accord.activities.store.FreshnessChecks;
import dev.accord.connectors.SourceCursor;
import dev.accord.core.contract.FlowSpec;
import dev.accord.workflows.activities.FreshnessReport;
import dev.accord.workflows.activities.FreshnessRequest;
import java.time.Instant;
import java.util.Optional;

/**
 * Measures a flow against its freshness SLA: the source's head (one read from the source connector), the
 * flow's checkpoint and the newest source change it applied (from the store); records the check.
 */
public final class FreshnessMeter {

    private final SyncContext context;

    public FreshnessMeter(SyncContext context) {
        this.context = context;
    }

    public FreshnessReport measure(FreshnessRequest request) {
        FlowSpec flow = context.contract().flow(request.flow());
        SourceCursor head = context.connectors().source(flow.source(), flow.domain()).head();
        Instant now = Instant.now();
        FreshnessReport report = context.store().inTransaction(c -> {
            Optional<Checkpoints.Checkpoint> saved = context.store().checkpoints().load(c, flow.name());
            SourceCursor checkpoint = saved.map(s -> new SourceCursor(s.position(), s.key())).orElse(SourceCursor.BEGINNING);
            Instant newest = context.store().freshness().newestApplied(c, flow.name()).orElse(null);
            FreshnessVerdict verdict = FreshnessVerdict.of(flow.freshnessSla(), head, checkpoint, newest, now);
            Long sla = flow.freshnessSla() == null ? null : flow.freshnessSla().toSeconds();
            long id = context.store().freshness().record(c, new FreshnessChecks.Check(0, flow.name(), now, sla,
                    verdict.freshnessSeconds(), verdict.lagSeconds(), verdict.behind(), verdict.breached(), checkpoint.position(),
                    checkpoint.key(), head.position(), head.key(), newest, request.workflowId(), request.runId(), null, null));
            return new FreshnessReport(flow.name(), id, sla, verdict.freshnessSeconds(), verdict.lagSeconds(), verdict.behind(),
                    verdict.breached(), describe(checkpoint), describe(head), newest, now);
        });
        context.telemetry().metrics().measured(report);
        return report;
    }

    /** Notes on the check the sync its breach signalled or started. */
    public void caughtUp(long checkId, String workflowId, String runId) {
        context.store().inTransaction(c -> {
            context.store().freshness().caughtUp(c, checkId, workflowId, runId);
            return null;
        });
    }

    private static String describe(SourceCursor cursor) {
        return cursor.isBeginning() ? "beginning" : cursor.position() + " / " + cursor.key();
    }
}
