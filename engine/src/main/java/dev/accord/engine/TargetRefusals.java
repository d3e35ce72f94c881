package dev.accord.engine;

import dev.accord.connectors.WriteResult;
import dev.accord.core.contract.FlowSpec;
import dev.accord.core.mapping.RecordMapper;
import dev.accord.core.page.PageRef;
import dev.accord.core.page.TargetOutcome;
import dev.accord.core.validation.Violation;
import dev.accord.store.Deliveries;
import dev.accord.store.QuarantineLog;
import dev.accord.store.StoreJson;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Quarantine entries and outcomes for deliveries one target cannot take: values that break the egress rules, or
 * that the target cannot store as they are or refused when written. Each entry names the target as its system,
 * the field at fault as its path (the record, {@code $}, when the target did not say which column), and the
 * delivery's revision in its dedup key, so a retried page adds nothing and a later change of the record is news.
 */
final class TargetRefusals {

    private final PageRef page;
    private final FlowSpec flow;
    private final String target;
    private final Map<String, String> fieldsByColumn = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    TargetRefusals(PageRef page, FlowSpec flow, String target, RecordMapper mapper, String keyField) {
        this.page = page;
        this.flow = flow;
        this.target = target;
        this.fieldsByColumn.putAll(mapper.fieldsByColumn());
        this.fieldsByColumn.put(mapper.keyColumn(), keyField);
    }

    List<QuarantineLog.Entry> entries(Deliveries.Delivery delivery, List<Violation> violations) {
        return violations.stream().map(v -> entry(delivery, v.reason().name(), v.path(), v.message())).toList();
    }

    QuarantineLog.Entry entry(Deliveries.Delivery delivery, WriteResult.Rejection rejection) {
        return entry(delivery, rejection.reason().name(), path(rejection.column()), rejection.detail());
    }

    TargetOutcome outcome(String key, Long fromVersion, List<Violation> violations) {
        return new TargetOutcome(key, TargetOutcome.Status.QUARANTINED, fromVersion, null,
                violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
    }

    TargetOutcome outcome(String key, Long fromVersion, WriteResult.Rejection rejection) {
        return new TargetOutcome(key, TargetOutcome.Status.QUARANTINED, fromVersion, null,
                rejection.reason() + " at " + path(rejection.column()) + ": " + rejection.detail());
    }

    /** The canonical path of a target column: {@code $.<field>}, or {@code $} when the column is unknown. */
    String path(String column) {
        String field = column == null ? null : fieldsByColumn.get(column);
        return field == null ? "$" : "$." + field;
    }

    private QuarantineLog.Entry entry(Deliveries.Delivery delivery, String reason, String path, String message) {
        String dedupKey = "egress|" + target + "|" + flow.domain() + "|" + delivery.revision() + "|" + delivery.key();
        return new QuarantineLog.Entry(flow.name(), target, flow.domain(), delivery.key(), dedupKey, reason, path,
                "egress to " + target + ": " + message, StoreJson.write(delivery.fields()),
                page.run().workflowId(), page.run().runId(), page.page());
    }
}
