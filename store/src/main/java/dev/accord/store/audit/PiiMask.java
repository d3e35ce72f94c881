package dev.accord.store.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accord.store.StoreJson;
import java.util.Set;

/** Replaces the values of PII fields in a JSON object of canonical field values with {@code "***"}. */
final class PiiMask {

    private PiiMask() {}

    static String apply(String json, Set<String> pii) {
        if (json == null) {
            return null;
        }
        JsonNode tree = StoreJson.tree(json);
        if (tree instanceof ObjectNode object) {
            pii.forEach(field -> {
                if (object.has(field)) {
                    object.put(field, "***");
                }
            });
        }
        return StoreJson.write(tree);
    }
}
