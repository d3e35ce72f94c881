package dev.accord.core.resolve;

import dev.accord.core.record.FieldVersion;
import java.util.Comparator;
import java.util.List;

/** A higher-ranked system's value wins over a lower-ranked one; within one system the newer version wins. */
final class SourcePriority implements MergeRule {

    private final List<String> ranking;
    private final Comparator<FieldVersion> order;

    SourcePriority(List<String> ranking) {
        this.ranking = List.copyOf(ranking);
        this.order = Comparator.comparingInt((FieldVersion v) -> -ranking.indexOf(v.system()))
                .thenComparingLong(FieldVersion::sourceVersion)
                .thenComparing(FieldVersion::timestamp);
    }

    @Override
    public boolean permits(String system) {
        return ranking.contains(system);
    }

    @Override
    public int compare(FieldVersion incoming, FieldVersion current) {
        return order.compare(incoming, current);
    }

    @Override
    public String whoMayWrite() {
        return "only the systems in its priority list (" + String.join(", ", ranking) + ")";
    }
}
