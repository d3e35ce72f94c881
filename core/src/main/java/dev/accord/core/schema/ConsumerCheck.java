package dev.accord.core.schema;

import dev.accord.core.contract.ConsumerRead;
import dev.accord.core.contract.FieldType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Consumer contracts: a producer-side change that removes a field a target reads, changes its type, takes away
 * values the target relies on or adds values the target does not handle, or stops guaranteeing a field the
 * target needs, breaks that target, whatever the domain's compatibility mode allows.
 */
final class ConsumerCheck {

    private ConsumerCheck() {}

    /**
     * @param before the field as it was (empty when the field is new)
     * @param after the field as it will be (empty when removed)
     */
    static List<Finding> check(String domain, String system, ConsumerRead read, Function<String, Optional<FieldFacts>> before,
                               Function<String, Optional<FieldFacts>> after) {
        List<Finding> found = new ArrayList<>();
        String path = "$." + read.field();
        Optional<FieldFacts> old = before.apply(read.field());
        Optional<FieldFacts> now = after.apply(read.field());
        if (now.isEmpty()) {
            found.add(new Finding(domain, path, "CONSUMER_FIELD_REMOVED", system + " reads '" + read.field() + "', which the new version removes"));
            return found;
        }
        FieldType expected = read.type() != null ? read.type() : old.map(FieldFacts::type).orElse(null);
        if (expected != null && now.get().type() != expected) {
            found.add(new Finding(domain, path, "CONSUMER_FIELD_RETYPED", system + " reads '" + read.field() + "' as "
                    + spelling(expected) + "; the new version makes it " + spelling(now.get().type())));
        }
        Set<String> oldValues = old.map(FieldFacts::values).orElse(null);
        Set<String> newValues = now.get().values();
        List<String> relied = !read.values().isEmpty() ? read.values() : oldValues == null ? List.of() : List.copyOf(oldValues);
        Set<String> gone = new LinkedHashSet<>();
        for (String value : relied) {
            if ((oldValues == null || oldValues.contains(value)) && newValues != null && !newValues.contains(value)) {
                gone.add(value);
            }
        }
        if (!gone.isEmpty()) {
            found.add(new Finding(domain, path, "CONSUMER_VALUES_NARROWED", system + " relies on " + String.join(", ", gone)
                    + " in '" + read.field() + "', which the new version no longer allows"));
        }
        if (!read.values().isEmpty()) {
            widened(domain, system, read, oldValues, newValues).ifPresent(found::add);
        }
        if (read.required() && old.map(FieldFacts::required).orElse(false) && !now.get().required()) {
            found.add(new Finding(domain, path, "CONSUMER_FIELD_MADE_OPTIONAL", system + " needs '" + read.field()
                    + "' in every record; the new version no longer requires it"));
        }
        return found;
    }

    /** Values the producer may send from now on that it could not before, and the consumer does not handle. */
    private static Optional<Finding> widened(String domain, String system, ConsumerRead read, Set<String> oldValues, Set<String> newValues) {
        String path = "$." + read.field();
        if (newValues == null) {
            return oldValues == null ? Optional.empty() : Optional.of(new Finding(domain, path, "CONSUMER_VALUES_WIDENED", system
                    + " handles only " + String.join(", ", read.values()) + " in '" + read.field() + "'; the new version allows any value"));
        }
        Set<String> added = new LinkedHashSet<>(newValues);
        if (oldValues != null) {
            added.removeAll(oldValues);
        }
        read.values().forEach(added::remove);
        return added.isEmpty() ? Optional.empty() : Optional.of(new Finding(domain, path, "CONSUMER_VALUES_WIDENED", system
                + " handles only " + String.join(", ", read.values()) + " in '" + read.field() + "'; the new version adds "
                + String.join(", ", added)));
    }

    private static String spelling(FieldType type) {
        return type == null ? "an unsupported type" : type.name().toLowerCase(Locale.ROOT);
    }
}
