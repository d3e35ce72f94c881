package dev.accord.core.resolve;

import dev.accord.core.contract.Contract;
import dev.accord.core.contract.DomainSpec;
import dev.accord.core.contract.FieldSpec;
import dev.accord.core.contract.SystemSpec;
import dev.accord.core.record.FieldVersion;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Builds the merge rule of every field of a domain from the contract. */
final class MergeRules {

    private final Map<String, MergeRule> byField = new HashMap<>();
    private final Comparator<FieldVersion> recordOrder;

    MergeRules(Contract contract, DomainSpec domain) {
        Map<String, Integer> priorities = new HashMap<>();
        contract.systems().values().forEach(s -> priorities.put(s.name(), s.priority()));
        this.recordOrder = LastWriterWins.order(priorities);
        for (FieldSpec field : domain.fields().values()) {
            byField.put(field.name(), rule(contract, domain, field, priorities));
        }
    }

    MergeRule rule(String field) {
        return byField.get(field);
    }

    /** Orders whole changes (deletes against updates): last-writer-wins over all systems. */
    Comparator<FieldVersion> recordOrder() {
        return recordOrder;
    }

    private static MergeRule rule(Contract contract, DomainSpec domain, FieldSpec field, Map<String, Integer> priorities) {
        return switch (field.merge()) {
            case OWNER_WINS -> new OwnerWins(field.owner());
            case SOURCE_PRIORITY -> new SourcePriority(field.priority());
            case LAST_WRITER_WINS -> new LastWriterWins(writers(contract, domain, field), priorities);
            case REVIEW -> new Review(new LastWriterWins(writers(contract, domain, field), priorities));
        };
    }

    /** The owner plus the declared writers; when none are declared, every system that maps the field. */
    private static Set<String> writers(Contract contract, DomainSpec domain, FieldSpec field) {
        Set<String> writers = new LinkedHashSet<>();
        writers.add(field.owner());
        if (!field.writers().isEmpty()) {
            writers.addAll(field.writers());
            return writers;
        }
        for (SystemSpec system : contract.systems().values()) {
            if (system.domain(domain.name()).map(m -> m.maps(field.name())).orElse(false)) {
                writers.add(system.name());
            }
        }
        return writers;
    }
}
