package dev.accord.core.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.core.validation.Violation;
import java.util.List;
import java.util.Map;

/**
 * A local row in canonical terms.
 *
 * @param key the record's key, null when the row has none
 * @param fields canonical values of the fields the system maps (those that normalised)
 * @param violations what could not be normalised; a record with any goes to quarantine
 */
public record Mapped(String key, Map<String, JsonNode> fields, List<Violation> violations) {

    public Mapped {
        fields = Map.copyOf(fields);
        violations = List.copyOf(violations);
    }

    public boolean isValid() {
        return violations.isEmpty();
    }
}
