package dev.accord.activities.hub;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.activities.store.ChangeLog;
import dev.accord.activities.store.Deliveries;
import dev.accord.activities.store.GoldenRecords;
import dev.accord.activities.store.QuarantineLog;
import dev.accord.activities.store.StoreJson;
import dev.accord.connectors.TargetConnector;
import dev.accord.connectors.TargetRow;
import dev.accord.connectors.TargetWrite;
import dev.accord.connectors.WriteResult;
import dev.accord.core.contract.FlowSpec;
import dev.accord.core.mapping.RecordMapper;
import dev.accord.core.record.CanonicalRecord;
import dev.accord.core.validation.Violation;
import dev.accord.workflows.activities.PageRef;
import dev.accord.workflows.activities.TargetOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One attempt at delivering pending golden records to a target: plan, validate at egress, log ahead,
 * write with compare-and-set, settle. Rows whose write hit a conflict are returned for another attempt;
 * their deliveries stay pending.
 */
final class DeliveryWriter {

    private final SyncContext context;

    DeliveryWriter(SyncContext context) {
        this.context = context;
    }

    record Result(List<TargetOutcome> settled, List<TargetOutcome> conflicts) {}

    private record Planned(Deliveries.Delivery delivery, PlannedDelivery plan) {}

    Result deliver(PageRef page, FlowSpec flow, String target, TargetConnector connector, List<Deliveries.Delivery> pending,
                   Map<String, GoldenRecords.Stored> golden, Map<String, TargetRow> rows) {
        RecordMapper mapper = context.mapper(target, flow.domain());
        DeliveryPlanner planner = new DeliveryPlanner(mapper, context.contract().domain(flow.domain()).key());
        List<TargetOutcome> settled = new ArrayList<>();
        List<Deliveries.Delivery> done = new ArrayList<>();
        List<QuarantineLog.Entry> quarantine = new ArrayList<>();
        List<Planned> writes = new ArrayList<>();
        List<PlannedDelivery> alreadyThere = new ArrayList<>();
        Map<String, Map<String, JsonNode>> heldThere = new HashMap<>();
        EgressRules rules = new EgressRules(context, flow, target, pending.stream().map(d -> golden.get(d.key()).record()).toList());
        for (Deliveries.Delivery delivery : pending) {
            CanonicalRecord record = golden.get(delivery.key()).record();
            PlannedDelivery plan = planner.plan(record, delivery.fields(), rows.get(delivery.key()));
            EgressRules.Verdict verdict = plan.writesValues() ? egress(rules, record.key(), plan, planner)
                    : new EgressRules.Verdict(List.of(), List.of());
            List<Violation> violations = verdict.violations();
            if (violations.isEmpty() && !verdict.parked().isEmpty()) {
                settled.add(new TargetOutcome(delivery.key(), TargetOutcome.Status.PARKED, plan.fromVersion(), null,
                        verdict.parked().stream().map(Violation::toString).collect(Collectors.joining("; "))));
            } else if (!violations.isEmpty()) {
                quarantine.addAll(quarantineEntries(page, flow, target, delivery, violations));
                settled.add(new TargetOutcome(delivery.key(), TargetOutcome.Status.QUARANTINED, plan.fromVersion(), null,
                        violations.stream().map(Violation::toString).collect(Collectors.joining("; "))));
                done.add(delivery);
            } else if (plan.isUnchanged()) {
                settled.add(new TargetOutcome(delivery.key(), TargetOutcome.Status.UNCHANGED, plan.fromVersion(), plan.fromVersion(), null));
                done.add(delivery);
                alreadyThere.add(plan);
                heldThere.put(delivery.key(), goldenValues(record, delivery.fields(), planner));
            } else {
                writes.add(new Planned(delivery, plan));
            }
        }
        context.store().inTransaction(c -> {
            context.store().quarantine().add(c, quarantine);
            context.store().changeLog().writeAhead(c, writes.stream().map(w -> logEntry(page, flow, target, w.plan())).toList());
            context.store().deliveries().remove(c, done);
            context.store().changeLog().settle(c, alreadyThere.stream().map(plan -> settlement(page, flow, target, plan,
                    ChangeLog.APPLIED, plan.fromVersion(), "the write had landed before a retry")).toList());
            context.store().echoes().remember(c, target, flow.domain(), heldThere);
            return null;
        });
        if (writes.isEmpty()) {
            return new Result(settled, List.of());
        }
        List<WriteResult> results = connector.apply(writes.stream().flatMap(w -> w.plan().writes().stream()).toList());
        return settle(page, flow, target, writes, results, settled);
    }

    private Result settle(PageRef page, FlowSpec flow, String target, List<Planned> writes, List<WriteResult> results,
                          List<TargetOutcome> settled) {
        List<TargetOutcome> conflicts = new ArrayList<>();
        context.store().inTransaction(c -> {
            List<ChangeLog.Settlement> settlements = new ArrayList<>();
            List<Deliveries.Delivery> delivered = new ArrayList<>();
            Map<String, Map<String, JsonNode>> echoes = new HashMap<>();
            int index = 0;
            for (Planned planned : writes) {
                PlannedDelivery plan = planned.plan();
                List<WriteResult> own = results.subList(index, index + plan.writes().size());
                index += plan.writes().size();
                WriteResult last = own.get(own.size() - 1);
                if (own.stream().allMatch(r -> r.status() == WriteResult.Status.APPLIED)) {
                    settlements.add(settlement(page, flow, target, plan, ChangeLog.APPLIED, last.newVersion(), null));
                    delivered.add(planned.delivery());
                    if (plan.after() != null) {
                        echoes.put(plan.key(), plan.after());
                    }
                    settled.add(new TargetOutcome(plan.key(), TargetOutcome.Status.WRITTEN, plan.fromVersion(), last.newVersion(), plan.operation()));
                } else {
                    settlements.add(settlement(page, flow, target, plan, ChangeLog.CONFLICT, null, "the row changed before the write"));
                    conflicts.add(new TargetOutcome(plan.key(), TargetOutcome.Status.CONFLICT, plan.fromVersion(), null,
                            "compare-and-set failed: the row changed since it was read"));
                }
            }
            context.store().changeLog().settle(c, settlements);
            context.store().deliveries().remove(c, delivered);
            context.store().echoes().remember(c, target, flow.domain(), echoes);
            return null;
        });
        return new Result(settled, conflicts);
    }

    /** The golden values of the delivered fields the target stores: what the target now holds. */
    private static Map<String, JsonNode> goldenValues(CanonicalRecord record, List<String> fields, DeliveryPlanner planner) {
        Map<String, JsonNode> values = new HashMap<>();
        for (String field : fields) {
            if (planner.targetFields().contains(field) && record.field(field) != null) {
                values.put(field, record.field(field).value());
            }
        }
        return values;
    }

    private static ChangeLog.Settlement settlement(PageRef page, FlowSpec flow, String target, PlannedDelivery plan, String status,
                                                  Long version, String detail) {
        return new ChangeLog.Settlement(page.run().runId(), page.page(), target, flow.domain(), plan.key(), status, version, detail);
    }

    /**
     * Egress: the values about to be written must satisfy the schema; a new row must also carry every
     * required field the target stores, while an update is only checked for the fields it writes.
     */
    private static EgressRules.Verdict egress(EgressRules rules, String key, PlannedDelivery plan, DeliveryPlanner planner) {
        boolean newRow = "insert".equals(plan.operation()) || "undelete".equals(plan.operation());
        return rules.check(key, plan.after(), newRow ? planner.targetFields() : plan.after().keySet());
    }

    private static List<QuarantineLog.Entry> quarantineEntries(PageRef page, FlowSpec flow, String target,
                                                               Deliveries.Delivery delivery, List<Violation> violations) {
        String dedupKey = "egress|" + target + "|" + flow.domain() + "|" + delivery.revision() + "|" + delivery.key();
        return violations.stream().map(v -> new QuarantineLog.Entry(flow.name(), target, flow.domain(), delivery.key(), dedupKey,
                v.reason().name(), v.path(), "egress to " + target + ": " + v.message(), StoreJson.write(delivery.fields()),
                page.run().workflowId(), page.run().runId(), page.page())).toList();
    }

    private static ChangeLog.Entry logEntry(PageRef page, FlowSpec flow, String target, PlannedDelivery plan) {
        return new ChangeLog.Entry(0, flow.name(), page.run().workflowId(), page.run().runId(), page.run().executionRunId(),
                page.page(), target, flow.domain(), plan.key(), plan.operation(), StoreJson.write(plan.before()),
                StoreJson.write(plan.after()), plan.fromVersion(), null, ChangeLog.PENDING, null, StoreJson.write(plan.beforeLocal()));
    }
}
