package dev.accord.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decides whether a candidate schema may follow the earlier versions of a domain's schema under a
 * {@link CompatibilityMode}: each earlier version in scope (the latest, or all for a transitive mode) is
 * diffed against the candidate, and every change that breaks a direction the mode checks is reported.
 * A pure function: registries (files, the Accord store) call it before accepting a version.
 */
public final class Compatibility {

    private Compatibility() {}

    /**
     * @param earlier the registered versions, in any order; empty means the candidate is the first version
     * @return the incompatibilities, empty when the candidate is compatible
     */
    public static List<Incompatibility> check(CompatibilityMode mode, List<VersionedSchema> earlier, JsonNode candidate) {
        List<Incompatibility> found = new ArrayList<>();
        if (mode == CompatibilityMode.NONE || earlier.isEmpty()) {
            return found;
        }
        List<VersionedSchema> sorted = earlier.stream().sorted(Comparator.comparingInt(VersionedSchema::version)).toList();
        List<VersionedSchema> inScope = mode.transitive() ? sorted : List.of(sorted.get(sorted.size() - 1));
        for (VersionedSchema previous : inScope) {
            for (SchemaChange change : SchemaDiff.between(previous.schema(), candidate)) {
                if (mode.checksBackward() && !change.backwardSafe()) {
                    found.add(new Incompatibility(previous.version(), "BACKWARD", change));
                }
                if (mode.checksForward() && !change.forwardSafe()) {
                    found.add(new Incompatibility(previous.version(), "FORWARD", change));
                }
            }
        }
        return found;
    }
}
