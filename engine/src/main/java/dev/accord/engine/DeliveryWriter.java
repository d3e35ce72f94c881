package dev.accord.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.connectors.TargetConnector;
import dev.accord.connectors.TargetRow;
import dev.accord.connectors.WriteResult;
import dev.accord.core.contract.FlowSpec;
import dev.accord.core.mapping.RecordMapper;
import dev.accord.core.page.PageRef;
import dev.accord.core.page.TargetOutcome;
import dev.accord.core.record.CanonicalRecord;
import dev.accord.core.validation.Violation;
import dev.accord.engine.telemetry.Telemetry;
import dev.accord.store.AccordStore;
import dev.accord.store.ChangeLog;
import dev.accord.store.Deliveries;
import dev.accord.store.GoldenRecords;
import dev.accord.store.IdentityLinks;
import dev.accord.store.QuarantineLog;
import dev.accord.store.StoreJson;
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

    private final CompiledContract compiled;
    private final AccordStore store;
    private final Telemetry telemetry;

    DeliveryWriter(CompiledContract compiled, AccordStore store, Telemetry telemetry) {
        this.compiled = compiled;
        this.store = store;
        this.telemetry = telemetry;
    }

    record Result(List<TargetOutcome> settled, List<TargetOutcome> conflicts) {}

    private record Planned(Deliveries.Delivery delivery, PlannedDelivery plan) {}

    Result deliver(PageRef page, FlowSpec flow, String target, TargetConnector connector, List<Deliveries.Delivery> pending,
                   Map<String, GoldenRecords.Stored> golden, Map<String, TargetRow> rows) {
        RecordMapper mapper = compiled.mapper(target, flow.domain());
        String keyField = compiled.contract().domain(flow.domain()).key();
        DeliveryPlanner planner = new DeliveryPlanner(mapper, keyField);
        TargetRefusals refusals = new TargetRefusals(page, flow, target, mapper, keyField);
        List<TargetOutcome> settled = new ArrayList<>();
        List<Deliveries.Delivery> done = new ArrayList<>();
        List<QuarantineLog.Entry> quarantine = new ArrayList<>();
        List<Planned> writes = new ArrayList<>();
        List<PlannedDelivery> alreadyThere = new ArrayList<>();
        Map<String, Map<String, JsonNode>> heldThere = new HashMap<>();
        EgressRules rules = new EgressRules(compiled, store, telemetry, flow, target, pending.stream().map(d -> golden.get(d.key()).record()).toList());
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
                quarantine.addAll(refusals.entries(delivery, violations));
                settled.add(refusals.outcome(delivery.key(), plan.fromVersion(), violations));
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
        Map<String, WriteResult.Rejection> unfit = connector.check(writes.stream().flatMap(w -> w.plan().writes().stream()).toList());
        writes.removeIf(w -> {
            WriteResult.Rejection rejection = unfit.get(w.plan().key());
            if (rejection == null) {
                return false;
            }
            quarantine.add(refusals.entry(w.delivery(), rejection));
            settled.add(refusals.outcome(w.plan().key(), w.plan().fromVersion(), rejection));
            done.add(w.delivery());
            return true;
        });
        Map<String, Long> landed = new HashMap<>();
        alreadyThere.forEach(plan -> landed.put(plan.key(), plan.fromVersion()));
        List<Long> logged = store.inTransaction(c -> {
            store.quarantine().add(c, quarantine);
            List<Long> ids = store.changeLog().writeAhead(c, writes.stream().map(w -> logEntry(page, flow, target, w.plan())).toList());
            store.deliveries().remove(c, done);
            store.changeLog().settleLanded(c, page.run().runId(), target, flow.domain(), landed, "the write had landed before a retry");
            store.echoes().remember(c, target, flow.domain(), heldThere);
            return ids;
        });
        if (writes.isEmpty()) {
            return new Result(settled, List.of());
        }
        store.checkFence("writing to " + target);
        List<WriteResult> results = connector.apply(writes.stream().flatMap(w -> w.plan().writes().stream()).toList());
        return settle(page, flow, target, writes, logged, results, settled, refusals);
    }

    /** @param logged the change-log entry of each write, in order, as logged ahead */
    private Result settle(PageRef page, FlowSpec flow, String target, List<Planned> writes, List<Long> logged, List<WriteResult> results,
                          List<TargetOutcome> settled, TargetRefusals refusals) {
        List<TargetOutcome> conflicts = new ArrayList<>();
        store.inTransaction(c -> {
            List<ChangeLog.Settlement> settlements = new ArrayList<>();
            List<Deliveries.Delivery> delivered = new ArrayList<>();
            Map<String, Map<String, JsonNode>> echoes = new HashMap<>();
            List<QuarantineLog.Entry> quarantine = new ArrayList<>();
            Map<Long, String> keysById = new HashMap<>();
            List<IdentityLinks.Link> links = new ArrayList<>();
            int index = 0;
            for (int w = 0; w < writes.size(); w++) {
                Planned planned = writes.get(w);
                PlannedDelivery plan = planned.plan();
                long entry = logged.get(w);
                keysById.put(entry, plan.key());
                List<WriteResult> own = results.subList(index, index + plan.writes().size());
                index += plan.writes().size();
                own.stream().filter(r -> r.assignedKey() != null).forEach(r -> links.add(new IdentityLinks.Link(flow.domain(), target,
                        r.assignedKey(), plan.key(), r.assignedKey().equals(plan.key()) ? IdentityLinks.CREATED : IdentityLinks.ASSIGNED,
                        null, page.run().runId())));
                WriteResult last = own.get(own.size() - 1);
                if (own.stream().allMatch(r -> r.status() == WriteResult.Status.APPLIED)) {
                    settlements.add(new ChangeLog.Settlement(entry, ChangeLog.APPLIED, last.newVersion(), null));
                    delivered.add(planned.delivery());
                    if (plan.after() != null) {
                        echoes.put(plan.key(), plan.after());
                    }
                    settled.add(new TargetOutcome(plan.key(), TargetOutcome.Status.WRITTEN, plan.fromVersion(), last.newVersion(), plan.operation()));
                } else if (own.stream().anyMatch(r -> r.status() == WriteResult.Status.REJECTED)) {
                    WriteResult.Rejection rejection = own.stream().filter(r -> r.rejection() != null).findFirst().orElseThrow().rejection();
                    settlements.add(new ChangeLog.Settlement(entry, ChangeLog.REJECTED, null, rejection.reason() + ": " + rejection.detail()));
                    quarantine.add(refusals.entry(planned.delivery(), rejection));
                    delivered.add(planned.delivery());
                    settled.add(refusals.outcome(plan.key(), plan.fromVersion(), rejection));
                } else {
                    settlements.add(new ChangeLog.Settlement(entry, ChangeLog.CONFLICT, null, "the row changed before the write"));
                    conflicts.add(new TargetOutcome(plan.key(), TargetOutcome.Status.CONFLICT, plan.fromVersion(), null,
                            "compare-and-set failed: the row changed since it was read"));
                }
            }
            store.identityLinks().replace(c, links, "accord");
            store.changeLog().settle(c, settlements, page.run().runId(), target, flow.domain(), keysById);
            store.quarantine().add(c, quarantine);
            store.deliveries().remove(c, delivered);
            store.echoes().remember(c, target, flow.domain(), echoes);
            return null;
        });
        return new Result(settled, conflicts);
    }

    /** The golden values of the delivered fields the target stores: what the target now holds. */
    private static Map<String, JsonNode> goldenValues(CanonicalRecord record, List<String> fields, DeliveryPlanner planner) {
        Map<String, JsonNode> values = new HashMap<>();
        for (String field : fields) {
            if (planner.targetFields().contains(field) && record.field(field) != null) {
                values.put(field, planner.asStored(field, record.field(field).value()));
            }
        }
        return values;
    }

    /**
     * Egress: the values about to be written must satisfy the schema; a new row must also carry every
     * required field the target stores, while an update is only checked for the fields it writes.
     */
    private static EgressRules.Verdict egress(EgressRules rules, String key, PlannedDelivery plan, DeliveryPlanner planner) {
        boolean newRow = "insert".equals(plan.operation()) || "undelete".equals(plan.operation());
        return rules.check(key, plan.after(), newRow ? planner.targetFields() : plan.after().keySet());
    }

    private static ChangeLog.Entry logEntry(PageRef page, FlowSpec flow, String target, PlannedDelivery plan) {
        return ChangeLog.Entry.builder().flow(flow.name()).workflowId(page.run().workflowId())
                .runId(page.run().runId()).executionRunId(page.run().executionRunId())
                .page(page.page()).target(target).domain(flow.domain()).key(plan.key())
                .operation(plan.operation()).beforeJson(StoreJson.write(plan.before()))
                .afterJson(StoreJson.write(plan.after())).beforeVersion(plan.fromVersion())
                .status(ChangeLog.PENDING).beforeLocalJson(StoreJson.write(plan.beforeLocal()))
                .build();
    }
}
