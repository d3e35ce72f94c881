package dev.accord.store.audit;

import dev.accord.core.failure.InvalidRequestException;
import dev.accord.store.AccordStore;
import dev.accord.store.ChangeLog;
import dev.accord.store.FieldHistory;
import dev.accord.core.contract.Contract;
import dev.accord.core.contract.DomainSpec;
import dev.accord.core.contract.FieldSpec;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Answers "how did this field get this value, when, from which system, under which contract and schema,
 * in which run" from the store's field history and change log. Values of PII fields are masked unless the
 * caller may see them (a steward of the domain).
 */
public final class Explainer {

    static final String MASK = "\"***\"";

    private final AccordStore store;
    private final Contract contract;

    public Explainer(AccordStore store, Contract contract) {
        this.store = store;
        this.contract = contract;
    }

    /**
     * @param field one field, or null for all
     * @param revealPii true for a caller allowed to see PII values
     */
    public Explanation explain(String domain, String key, String field, boolean revealPii) {
        DomainSpec spec = contract.domain(domain);
        if (field != null && spec.field(field).isEmpty() && !"_deleted".equals(field)) {
            throw new InvalidRequestException("domain '" + domain + "' has no field '" + field + "'; fields: "
                    + String.join(", ", spec.fields().keySet()));
        }
        Set<String> pii = spec.fields().values().stream().filter(FieldSpec::pii).map(FieldSpec::name).collect(Collectors.toSet());
        boolean masking = !revealPii && !pii.isEmpty();
        return store.inTransaction(c -> {
            List<FieldEvent> events = store.history().forRecord(c, domain, key, field).stream()
                    .map(e -> event(e, masking && pii.contains(e.field()))).toList();
            List<TargetEvent> writes = field == null || !pii.contains(field) || !masking
                    ? store.changeLog().forRecord(c, domain, key).stream().map(e -> write(e, masking, pii)).toList()
                    : List.of();
            boolean deleted = store.golden().load(c, domain, List.of(key)).get(key).record().deleted();
            List<Explanation.SystemId> ids = store.identityLinks().ofRecord(c, domain, key).stream()
                    .map(l -> new Explanation.SystemId(l.system(), l.localId(), l.how(), l.rule())).toList();
            return new Explanation(domain, key, deleted, events, writes, masking, ids);
        });
    }

    /**
     * As {@link #explain}, for the record a system knows by its own id: the cross-reference gives its canonical id.
     *
     * @throws InvalidRequestException when the system keeps no ids of its own, or holds no record linked under that id
     */
    public Explanation explainLocal(String domain, String system, String localId, String field, boolean revealPii) {
        return explain(domain, canonicalId(domain, system, localId), field, revealPii);
    }

    /** The canonical id a system's own id stands for. */
    public String canonicalId(String domain, String system, String localId) {
        if (!contract.mapping(system, domain).ownsIds()) {
            return localId;
        }
        String canonical = store.inTransaction(c -> store.identityLinks().canonicalIds(c, domain, system, List.of(localId))).get(localId);
        if (canonical == null) {
            throw new InvalidRequestException(system + " holds no " + domain + " with id '" + localId + "' that Accord has linked;"
                    + " check the id, or run the flow that reads " + system + " first");
        }
        return canonical;
    }

    private static FieldEvent event(FieldHistory.Entry e, boolean mask) {
        return new FieldEvent(e.field(), e.recordedAt(), e.decision(), e.reason(), mask ? MASK : e.oldValue(),
                mask ? MASK : e.newValue(), e.sourceSystem(), e.sourceVersion(), e.sourceTime(), e.flow(), e.workflowId(),
                e.runId(), e.executionRunId(), e.contractHash(), e.contractVersion(), e.schemaVersion(), e.traceId());
    }

    private static TargetEvent write(ChangeLog.Entry e, boolean masking, Set<String> pii) {
        return new TargetEvent(e.target(), e.operation(), masking ? PiiMask.apply(e.beforeJson(), pii) : e.beforeJson(),
                masking ? PiiMask.apply(e.afterJson(), pii) : e.afterJson(), e.beforeVersion(), e.afterVersion(), e.status(),
                e.runId(), e.workflowId());
    }
}
