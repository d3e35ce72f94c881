package dev.accord.core.resolve;

import dev.accord.core.record.FieldVersion;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;

/**
 * The newest change wins. Ties are broken deterministically: timestamp, then system priority (higher
 * wins), then system name (alphabetically first wins), then source version.
 */
final class LastWriterWins implements MergeRule {

    private final Set<String> writers;
    private final Comparator<FieldVersion> order;

    LastWriterWins(Set<String> writers, Map<String, Integer> priorities) {
        this.writers = Set.copyOf(writers);
        this.order = order(priorities);
    }

    static Comparator<FieldVersion> order(Map<String, Integer> priorities) {
        return Comparator.comparing(FieldVersion::timestamp)
                .thenComparingInt((FieldVersion v) -> priorities.getOrDefault(v.system(), 0))
                .thenComparing(FieldVersion::system, Comparator.reverseOrder())
                .thenComparingLong(FieldVersion::sourceVersion);
    }

    @Override
    public boolean permits(String system) {
        return writers.contains(system);
    }

    @Override
    public int compare(FieldVersion incoming, FieldVersion current) {
        return order.compare(incoming, current);
    }

    @Override
    public String whoMayWrite() {
        return "only " + String.join(", ", new java.util.TreeSet<>(writers));
    }
}
