package dev.accord.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.core.contract.DomainSpec;
import dev.accord.core.contract.FieldSpec;
import dev.accord.core.contract.FlowSpec;
import dev.accord.core.contract.MissingReference;
import dev.accord.core.record.CanonicalRecord;
import dev.accord.core.record.FieldValue;
import dev.accord.core.validation.ConsumerValidator;
import dev.accord.core.validation.ReasonCode;
import dev.accord.core.validation.Violation;
import dev.accord.engine.telemetry.Telemetry;
import dev.accord.store.AccordStore;
import dev.accord.store.GoldenRecords;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The egress boundary for one target: before apply, the values about to be written must satisfy the domain's
 * schema and rules, what the target declared it reads ({@code reads}), and every reference to another
 * domain's key must name a record the hub holds alive. A missing referent parks the delivery (it stays pending
 * and is tried again with the next apply to the target) or quarantines it, as the field's
 * {@code on-missing-reference} says.
 */
final class EgressRules {

    /** @param parked missing references whose rule is to park; empty when the record may go */
    record Verdict(List<Violation> violations, List<Violation> parked) {}

    private final CompiledContract compiled;
    private final AccordStore store;
    private final Telemetry telemetry;
    private final FlowSpec flow;
    private final String target;
    private final Set<String> live = new HashSet<>();

    /** Loads, once for the whole batch, which referenced keys the hub holds alive. */
    EgressRules(CompiledContract compiled, AccordStore store, Telemetry telemetry, FlowSpec flow, String target, Collection<CanonicalRecord> records) {
        this.compiled = compiled;
        this.store = store;
        this.telemetry = telemetry;
        this.flow = flow;
        this.target = target;
        Map<String, Set<String>> wanted = new HashMap<>();
        for (CanonicalRecord record : records) {
            for (FieldSpec field : references()) {
                FieldValue value = record.field(field.name());
                if (value != null && value.value() != null && !value.value().isNull()) {
                    wanted.computeIfAbsent(field.references(), d -> new HashSet<>()).add(value.value().asText());
                }
            }
        }
        wanted.forEach((domain, keys) -> store.inTransaction(c -> store.golden().load(c, domain, keys))
                .values().stream().map(GoldenRecords.Stored::record).filter(r -> !r.isNew() && !r.deleted())
                .forEach(r -> live.add(r.domain() + "|" + r.key())));
    }

    /** @param inScope the fields whose presence is checked: all the target maps for a new row, the written ones otherwise */
    Verdict check(String key, Map<String, JsonNode> values, Collection<String> inScope) {
        List<Violation> violations = new ArrayList<>(
                PhasedRequirements.validate(compiled, store, telemetry, flow, target, "egress", key, values, inScope));
        violations.addAll(ConsumerValidator.validate(target, compiled.contract().mapping(target, flow.domain()), values, inScope));
        List<Violation> parked = new ArrayList<>();
        for (FieldSpec field : references()) {
            JsonNode value = values.get(field.name());
            if (value == null || value.isNull() || live.contains(field.references() + "|" + value.asText())) {
                continue;
            }
            Violation missing = Violation.at(ReasonCode.MISSING_REFERENCE, field.name(), "'" + field.name() + "' references "
                    + field.references() + " '" + value.asText() + "', which the hub does not hold (or holds deleted)");
            (field.onMissingReference() == MissingReference.QUARANTINE ? violations : parked).add(missing);
        }
        return new Verdict(violations, parked);
    }

    private List<FieldSpec> references() {
        DomainSpec domain = compiled.contract().domain(flow.domain());
        return domain.fields().values().stream().filter(f -> f.references() != null).toList();
    }
}
