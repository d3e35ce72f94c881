package dev.accord.activities.hub;

import dev.accord.activities.store.QuarantineLog;
import dev.accord.activities.store.StoreJson;
import dev.accord.core.contract.FlowSpec;
import dev.accord.core.mapping.Mapped;
import dev.accord.core.mapping.RecordMapper;
import dev.accord.core.record.DedupKey;
import dev.accord.core.record.SourceChange;
import dev.accord.core.resolve.Decision;
import dev.accord.core.validation.ReasonCode;
import dev.accord.core.validation.Violation;
import dev.accord.workflows.activities.PageRef;
import dev.accord.workflows.activities.RecordOutcome;
import dev.accord.workflows.activities.SourceRecord;
import dev.accord.workflows.activities.ValidateRequest;
import dev.accord.workflows.activities.ValidatedPage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The ingress boundary: local rows become canonical changes (mapped, normalised, validated against the
 * schema and the contract), or go to quarantine with reason code, path and the offending payload. Data the
 * source could not decode into a record at all (a malformed line of a file) is quarantined as
 * MALFORMED_SOURCE with its location.
 */
public final class Boundary {

    private final SyncContext context;

    public Boundary(SyncContext context) {
        this.context = context;
    }

    public ValidatedPage validate(ValidateRequest request) {
        FlowSpec flow = context.contract().flow(request.page().flow());
        RecordMapper mapper = context.mapper(flow.source(), flow.domain());
        List<SourceChange> changes = new ArrayList<>();
        List<RecordOutcome> quarantined = new ArrayList<>();
        List<QuarantineLog.Entry> entries = new ArrayList<>();
        for (SourceRecord record : request.records()) {
            DedupKey dedupKey = new DedupKey(flow.source(), flow.domain(), record.key(), record.sourceVersion());
            if (record.malformed() != null) {
                Violation malformed = new Violation(ReasonCode.MALFORMED_SOURCE, "$", record.malformed());
                quarantined.add(new RecordOutcome(record.key(), dedupKey.asText(), Decision.QUARANTINED, List.of(), malformed.toString()));
                entries.add(entry(request.page(), flow, record, dedupKey, malformed));
                continue;
            }
            if (record.deleted()) {
                changes.add(SourceChange.deletion(flow.source(), flow.domain(), record.key(), record.sourceVersion(), record.timestamp()));
                continue;
            }
            Mapped mapped = mapper.toCanonical(record.columns());
            List<Violation> violations = mapped.isValid()
                    ? PhasedRequirements.validate(context, flow, flow.source(), "ingress", mapped.key(), mapped.fields(), mapper.mappedFields())
                    : mapped.violations();
            if (violations.isEmpty()) {
                changes.add(SourceChange.upsert(flow.source(), flow.domain(), mapped.key(), record.sourceVersion(),
                        record.timestamp(), mapped.fields()));
            } else {
                quarantined.add(new RecordOutcome(record.key(), dedupKey.asText(), Decision.QUARANTINED, List.of(), describe(violations)));
                violations.forEach(v -> entries.add(entry(request.page(), flow, record, dedupKey, v)));
                if (!request.dryRun()) {
                    violations.forEach(v -> context.telemetry().metrics().violated(flow, v.reason().name()));
                }
            }
        }
        if (!request.dryRun()) {
            context.telemetry().metrics().decided(flow, quarantined);
        }
        if (!request.dryRun() && !entries.isEmpty()) {
            context.store().inTransaction(c -> {
                context.store().quarantine().add(c, entries);
                return null;
            });
        }
        return new ValidatedPage(changes, quarantined);
    }

    private static QuarantineLog.Entry entry(PageRef page, FlowSpec flow, SourceRecord record, DedupKey dedupKey, Violation violation) {
        return new QuarantineLog.Entry(flow.name(), flow.source(), flow.domain(), record.key(), dedupKey.asText(),
                violation.reason().name(), violation.path(), violation.message(), StoreJson.write(record.columns()),
                page.run().workflowId(), page.run().runId(), page.page());
    }

    private static String describe(List<Violation> violations) {
        return violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
    }
}
