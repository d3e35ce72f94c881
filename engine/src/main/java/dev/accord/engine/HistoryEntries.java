package dev.accord.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.core.contract.Contract;
import dev.accord.core.page.PageRef;
import dev.accord.core.record.CanonicalRecord;
import dev.accord.core.record.FieldValue;
import dev.accord.core.record.SourceChange;
import dev.accord.core.resolve.Decision;
import dev.accord.core.resolve.FieldDecision;
import dev.accord.core.resolve.Resolution;
import dev.accord.engine.telemetry.TraceIds;
import dev.accord.store.FieldHistory;
import dev.accord.store.StoreJson;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one resolution into field-history rows: one per field decision that says something about the field
 * (applied, stale, rejected-not-owner, needs-review, a delete), with old and proposed value. Echoes and
 * unchanged values are left out: they only repeat what is known, and in a two-way sync they would be most
 * of the rows.
 */
final class HistoryEntries {

    private final Contract contract;
    private final TraceIds traces;

    /** @param traces the trace each decision is made in, recorded so a record's journey can be followed */
    HistoryEntries(Contract contract, TraceIds traces) {
        this.contract = contract;
        this.traces = traces;
    }

    /**
     * @param before the golden record before the change (old values)
     */
    List<FieldHistory.Entry> of(PageRef page, SourceChange change, CanonicalRecord before, Resolution resolution) {
        List<FieldHistory.Entry> entries = new ArrayList<>();
        int schemaVersion = contract.domain(change.domain()).schema().version();
        String traceId = traces.current();
        for (FieldDecision decision : resolution.fields()) {
            if (decision.decision() == Decision.ECHO || decision.decision() == Decision.UNCHANGED) {
                continue;
            }
            boolean delete = FieldDecision.DELETE_FIELD.equals(decision.field());
            FieldValue old = delete ? null : before.field(decision.field());
            JsonNode proposed = delete ? null : change.fields().get(decision.field());
            entries.add(FieldHistory.Entry.builder().domain(change.domain()).key(change.key()).field(decision.field())
                    .decision(decision.decision().spelling()).reason(decision.reason())
                    .oldValue(old == null ? null : StoreJson.write(old.value()))
                    .newValue(delete ? "deleted" : StoreJson.write(proposed))
                    .oldVersionJson(StoreJson.write(decision.current()))
                    .newVersionJson(StoreJson.write(decision.incoming()))
                    .sourceSystem(change.system()).sourceVersion(change.sourceVersion())
                    .sourceTime(change.timestamp()).flow(page.flow())
                    .workflowId(page.run().workflowId()).runId(page.run().runId())
                    .executionRunId(page.run().executionRunId()).page(page.page())
                    .contractHash(contract.hash()).contractVersion(contract.version())
                    .schemaVersion(schemaVersion).traceId(traceId).build());
        }
        return entries;
    }
}
