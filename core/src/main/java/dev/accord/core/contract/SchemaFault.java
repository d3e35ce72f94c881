package dev.accord.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Where in a schema the validator's refusal lies, when its message does not say: the deepest member whose removal
 * lets the schema compile. Schemas are small, so trying removals one by one is cheap.
 */
final class SchemaFault {

    private SchemaFault() {}

    /** @return the JSON pointer of the offending member, or {@code ""} when no single member is to blame */
    static String locate(JsonNode document, Predicate<JsonNode> compiles) {
        String pointer = "";
        JsonNode current = document;
        List<Object> path = new ArrayList<>();
        while (true) {
            Object culprit = culprit(document, path, current, compiles);
            if (culprit == null) {
                return pointer;
            }
            path.add(culprit);
            pointer += "/" + String.valueOf(culprit).replace("~", "~0").replace("/", "~1");
            current = culprit instanceof String name ? current.get(name) : current.get((Integer) culprit);
        }
    }

    /** The member of the node at {@code path} whose removal lets the whole document compile. */
    private static Object culprit(JsonNode document, List<Object> path, JsonNode node, Predicate<JsonNode> compiles) {
        List<Object> members = new ArrayList<>();
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(members::add);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                members.add(i);
            }
        }
        for (Object member : members) {
            JsonNode copy = document.deepCopy();
            JsonNode parent = copy;
            for (Object step : path) {
                parent = step instanceof String name ? parent.get(name) : parent.get((Integer) step);
            }
            if (member instanceof String name) {
                ((ObjectNode) parent).remove(name);
            } else {
                ((ArrayNode) parent).remove((Integer) member);
            }
            if (compiles.test(copy)) {
                return member;
            }
        }
        return null;
    }
}
