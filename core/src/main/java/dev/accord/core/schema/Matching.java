package dev.accord.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The members of an old and a new list of subschemas, matched: equal members with each other, then the rest in
 * order; what is left over on one side was added or removed.
 */
record Matching(List<Pair> pairs, List<JsonNode> added, List<JsonNode> removed) {

    record Pair(JsonNode before, JsonNode after) {}

    static Matching of(List<JsonNode> before, List<JsonNode> after) {
        List<Pair> pairs = new ArrayList<>();
        List<JsonNode> oldLeft = new ArrayList<>(before);
        List<JsonNode> newLeft = new ArrayList<>(after);
        for (JsonNode member : before) {
            if (newLeft.remove(member)) {
                oldLeft.remove(member);
                pairs.add(new Pair(member, member));
            }
        }
        int paired = Math.min(oldLeft.size(), newLeft.size());
        for (int i = 0; i < paired; i++) {
            pairs.add(new Pair(oldLeft.get(i), newLeft.get(i)));
        }
        return new Matching(pairs, List.copyOf(newLeft.subList(paired, newLeft.size())),
                List.copyOf(oldLeft.subList(paired, oldLeft.size())));
    }
}
