package dev.accord.store.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.accord.store.QuarantineLog;
import dev.accord.store.StoreJson;
import dev.accord.core.contract.Contract;
import dev.accord.core.contract.DomainSpec;
import dev.accord.core.contract.FieldSpec;
import dev.accord.core.mapping.RecordMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Quarantine entries for people: unless the caller may see PII (a steward of the domain, {@code --show-pii}), the
 * payload's values of {@code pii: true} fields are masked, by canonical field name and by the columns the entry's
 * system maps to them, and so is the message of a violation at such a field (it may quote the value). When the
 * contract no longer knows the entry's system or domain, every value is masked.
 */
public final class QuarantineViews {

    static final String MASK = "***";

    private final Contract contract;

    public QuarantineViews(Contract contract) {
        this.contract = contract;
    }

    public QuarantineView view(QuarantineLog.Stored stored, boolean revealPii) {
        QuarantineLog.Entry e = stored.entry();
        JsonNode payload = e.payloadJson() == null ? null : StoreJson.tree(e.payloadJson());
        Set<String> pii = revealPii ? Set.of() : piiNames(e.system(), e.domain());
        boolean maskAll = pii == null;
        boolean masked = !revealPii && (maskAll || !pii.isEmpty());
        if (masked && payload instanceof ObjectNode object) {
            mask(object, maskAll ? null : pii);
        }
        String field = e.path() != null && e.path().startsWith("$.") ? e.path().substring(2).toLowerCase(Locale.ROOT) : null;
        boolean maskMessage = masked && (maskAll || (field != null && pii.contains(field)));
        return new QuarantineView(stored.id(), e.flow(), e.system(), e.domain(), e.key(), stored.egress(), e.reasonCode(), e.path(),
                maskMessage ? MASK : e.message(), payload, stored.state(), stored.seenCount(), stored.firstSeen(), stored.lastSeen(),
                stored.actedBy(), stored.actedAt(), stored.note(), stored.replayWorkflowId(), stored.replayRunId(),
                stored.replayOutcome(), e.dedupKey(), e.workflowId(), e.runId(), e.page(), masked);
    }

    /** PII field names and the system's columns for them, lower case; null when the contract cannot say. */
    private Set<String> piiNames(String system, String domain) {
        try {
            DomainSpec spec = contract.domain(domain);
            Set<String> fields = spec.fields().values().stream().filter(FieldSpec::pii).map(FieldSpec::name).collect(Collectors.toSet());
            Set<String> names = new TreeSet<>();
            fields.forEach(f -> names.add(f.toLowerCase(Locale.ROOT)));
            for (Map.Entry<String, String> column : new RecordMapper(contract, system, domain).fieldsByColumn().entrySet()) {
                if (fields.contains(column.getValue())) {
                    names.add(column.getKey().toLowerCase(Locale.ROOT));
                }
            }
            return names;
        } catch (RuntimeException unknownToTheContract) {
            return null;
        }
    }

    /** @param names the names to mask, lower case; null for every value */
    private static void mask(ObjectNode object, Set<String> names) {
        List<String> fields = new ArrayList<>();
        object.fieldNames().forEachRemaining(fields::add);
        for (String name : fields) {
            if (names == null || names.contains(name.toLowerCase(Locale.ROOT))) {
                object.set(name, TextNode.valueOf(MASK));
            }
        }
    }
}
