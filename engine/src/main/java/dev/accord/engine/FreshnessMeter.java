package dev.accord.engine;

import dev.accord.connectors.ConnectorFactory;
import dev.accord.connectors.SourceCursor;
import dev.accord.core.contract.FlowSpec;
import dev.accord.core.quality.FreshnessReport;
import dev.accord.engine.telemetry.Telemetry;
import dev.accord.store.AccordStore;
import dev.accord.store.Checkpoints;
import dev.accord.store.FreshnessChecks;
import java.time.Instant;
import java.util.Optional;

/**
 * Measures a flow against its freshness SLA: the source's head (one read from the source connector), the
 * flow's checkpoint and the newest source change it applied (from the store); records the check.
 */
public final class FreshnessMeter {

    private final CompiledContract compiled;
    private final AccordStore store;
    private final ConnectorFactory connectors;
    private final Telemetry telemetry;

    public FreshnessMeter(CompiledContract compiled, AccordStore store, ConnectorFactory connectors, Telemetry telemetry) {
        this.compiled = compiled;
        this.store = store;
        this.connectors = connectors;
        this.telemetry = telemetry;
    }

    public FreshnessReport measure(String flowName, String workflowId, String runId) {
        FlowSpec flow = compiled.contract().flow(flowName);
        SourceCursor head = connectors.source(flow.source(), flow.domain()).head();
        Instant now = store.clock().instant();
        FreshnessReport report = store.inTransaction(c -> {
            Optional<Checkpoints.Checkpoint> saved = store.checkpoints().load(c, flow.name());
            SourceCursor checkpoint = saved.map(s -> new SourceCursor(s.position(), s.key())).orElse(SourceCursor.BEGINNING);
            Instant newest = store.freshness().newestApplied(c, flow.name()).orElse(null);
            FreshnessVerdict verdict = FreshnessVerdict.of(flow.freshnessSla(), head, checkpoint, newest, now);
            Long sla = flow.freshnessSla() == null ? null : flow.freshnessSla().toSeconds();
            long id = store.freshness().record(c, new FreshnessChecks.Check(0, flow.name(), now, sla,
                    verdict.freshnessSeconds(), verdict.lagSeconds(), verdict.behind(), verdict.breached(), checkpoint.position(),
                    checkpoint.key(), head.position(), head.key(), newest, workflowId, runId, null, null));
            return new FreshnessReport(flow.name(), id, sla, verdict.freshnessSeconds(), verdict.lagSeconds(), verdict.behind(),
                    verdict.breached(), describe(checkpoint), describe(head), newest, now);
        });
        telemetry.metrics().measured(report);
        return report;
    }

    /** Notes on the check the sync its breach signalled or started. */
    public void caughtUp(long checkId, String workflowId, String runId) {
        store.inTransaction(c -> {
            store.freshness().caughtUp(c, checkId, workflowId, runId);
            return null;
        });
    }

    private static String describe(SourceCursor cursor) {
        return cursor.isBeginning() ? "beginning" : cursor.position() + " / " + cursor.key();
    }
}
