package dev.accord.engine;

import dev.accord.core.contract.FieldMapping;
import dev.accord.core.contract.FlowSpec;
import dev.accord.core.mapping.Mapped;
import dev.accord.core.mapping.RecordMapper;
import dev.accord.core.page.PageRef;
import dev.accord.core.page.RecordOutcome;
import dev.accord.core.page.SourceRecord;
import dev.accord.core.page.ValidatedPage;
import dev.accord.core.record.DedupKey;
import dev.accord.core.record.SourceChange;
import dev.accord.core.resolve.Decision;
import dev.accord.core.validation.ReasonCode;
import dev.accord.core.validation.Violation;
import dev.accord.engine.telemetry.Telemetry;
import dev.accord.store.AccordStore;
import dev.accord.store.GoldenRecords;
import dev.accord.store.QuarantineLog;
import dev.accord.store.StoreJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The ingress boundary: local rows become canonical changes (mapped, normalised, validated against the
 * schema and the contract), or go to quarantine with reason code, path and the offending payload. Data the
 * source could not decode into a record at all (a malformed line of a file) is quarantined as
 * MALFORMED_SOURCE with its location; a row with values that cannot be read as their column's type since the
 * source's schema drifted, as UNREADABLE_SOURCE_VALUE at each such field (before it is mapped, deleted or not).
 */
public final class Boundary {

    private final CompiledContract compiled;
    private final AccordStore store;
    private final Telemetry telemetry;

    public Boundary(CompiledContract compiled, AccordStore store, Telemetry telemetry) {
        this.compiled = compiled;
        this.store = store;
        this.telemetry = telemetry;
    }

    public ValidatedPage validate(PageRef page, List<SourceRecord> records, boolean dryRun) {
        return validate(page, records, dryRun, false);
    }

    /**
     * @param isolating the step has failed this page again and again: a record whose mapping or validation throws
     *     (what may be its own doing, see {@link Isolation}) is quarantined as PROCESSING_FAILED and the page goes on
     */
    public ValidatedPage validate(PageRef page, List<SourceRecord> records, boolean dryRun, boolean isolating) {
        FlowSpec flow = compiled.contract().flow(page.flow());
        RecordMapper mapper = compiled.mapper(flow.source(), flow.domain());
        List<SourceChange> changes = new ArrayList<>();
        List<RecordOutcome> quarantined = new ArrayList<>();
        List<QuarantineLog.Entry> entries = new ArrayList<>();
        for (SourceRecord record : records) {
            DedupKey dedupKey = new DedupKey(flow.source(), flow.domain(), record.key(), record.sourceVersion());
            List<Violation> violations;
            try {
                violations = check(flow, mapper, record, changes);
            } catch (RuntimeException e) {
                if (!isolating || !Isolation.mayBePoison(e)) {
                    throw e;
                }
                violations = List.of(new Violation(ReasonCode.PROCESSING_FAILED, "$", Isolation.describe(e)));
            }
            if (!violations.isEmpty()) {
                quarantined.add(new RecordOutcome(record.key(), dedupKey.asText(), Decision.QUARANTINED, List.of(), describe(violations)));
                violations.forEach(v -> entries.add(entry(page, flow, record, dedupKey, v)));
                if (!dryRun) {
                    violations.forEach(v -> telemetry.metrics().violated(flow, v.reason().name()));
                }
            }
        }
        if (!dryRun) {
            telemetry.metrics().decided(flow, quarantined);
        }
        if (!dryRun && !entries.isEmpty()) {
            store.inTransaction(c -> {
                store.quarantine().add(c, entries);
                return null;
            });
        }
        return new ValidatedPage(changes, quarantined);
    }

    /** The record's violations; when it has none, its canonical change is added to {@code changes}. */
    private List<Violation> check(FlowSpec flow, RecordMapper mapper, SourceRecord record, List<SourceChange> changes) {
        Violation unusable = unusable(record);
        if (unusable != null) {
            return List.of(unusable);
        }
        if (record.unreadable() != null && !record.unreadable().isEmpty()) {
            return unreadable(flow, record);
        }
        if (record.deleted()) {
            changes.add(SourceChange.deletion(flow.source(), flow.domain(), record.key(), record.sourceVersion(), record.timestamp()));
            return List.of();
        }
        Mapped mapped = mapper.toCanonical(record.columns());
        List<Violation> violations = mapped.isValid()
                ? PhasedRequirements.validate(compiled, store, telemetry, flow, flow.source(), "ingress", mapped.key(), mapped.fields(), mapper.mappedFields())
                : mapped.violations();
        if (violations.isEmpty()) {
            changes.add(SourceChange.upsert(flow.source(), flow.domain(), mapped.key(), record.sourceVersion(),
                    record.timestamp(), mapped.fields()));
        }
        return violations;
    }

    /** Why a record the source delivered cannot be mapped at all (undecodable, too large to travel), or null. */
    private static Violation unusable(SourceRecord record) {
        if (record.malformed() != null) {
            return new Violation(ReasonCode.MALFORMED_SOURCE, "$", record.malformed());
        }
        if (record.key() != null && record.key().length() > GoldenRecords.MAX_KEY_LENGTH) {
            return new Violation(ReasonCode.KEY_TOO_LONG, "$", "the key has " + record.key().length() + " characters; the Accord store"
                    + " keeps keys of up to " + GoldenRecords.MAX_KEY_LENGTH);
        }
        if (record.tooLargeBytes() != null) {
            return new Violation(ReasonCode.RECORD_TOO_LARGE, "$", "the record has " + record.tooLargeBytes() + " bytes as JSON, over"
                    + " the per-record limit (accord.limits.record-bytes); it was not sent through Temporal: read it at its source by key");
        }
        return null;
    }

    /**
     * One UNREADABLE_SOURCE_VALUE violation per column whose value could not be read as the column's first type, at
     * the field mapped to that column ({@code $} for a bookkeeping column such as the version), with the connector's
     * description: the column and both types, never the value.
     */
    private List<Violation> unreadable(FlowSpec flow, SourceRecord record) {
        Map<String, FieldMapping> fields = compiled.contract().mapping(flow.source(), flow.domain()).fields();
        return record.unreadable().entrySet().stream().map(e -> fields.values().stream()
                .filter(f -> f.column().equalsIgnoreCase(e.getKey())).findFirst()
                .map(f -> Violation.at(ReasonCode.UNREADABLE_SOURCE_VALUE, f.field(), e.getValue()))
                .orElse(new Violation(ReasonCode.UNREADABLE_SOURCE_VALUE, "$", e.getValue()))).toList();
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
