package dev.accord.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A pair the checker calls compatible in a direction, and a document valid under the schema that direction reads
 * from but not under the other; shrunk by removing one member or element at a time (from either schema or the
 * document) for as long as all of that still holds.
 */
record Counterexample(JsonNode before, JsonNode after, JsonNode document, boolean backward, List<SchemaChange> changes) {

    static Counterexample shrink(JsonNode before, JsonNode after, JsonNode document, boolean backward) {
        Counterexample current = new Counterexample(before, after, document, backward, SchemaDiff.between(before, after));
        boolean smaller = true;
        while (smaller) {
            smaller = false;
            for (Counterexample candidate : current.candidates()) {
                if (candidate.holds()) {
                    current = candidate;
                    smaller = true;
                    break;
                }
            }
        }
        return current;
    }

    private List<Counterexample> candidates() {
        List<Counterexample> candidates = new ArrayList<>();
        for (JsonNode smaller : smaller(before)) {
            candidates.add(new Counterexample(smaller, after, document, backward, List.of()));
        }
        for (JsonNode smaller : smaller(after)) {
            candidates.add(new Counterexample(before, smaller, document, backward, List.of()));
        }
        for (JsonNode smaller : smaller(document)) {
            candidates.add(new Counterexample(before, after, smaller, backward, List.of()));
        }
        return candidates.stream().map(c -> new Counterexample(c.before, c.after, c.document, backward,
                SchemaDiff.between(c.before, c.after))).toList();
    }

    private boolean holds() {
        Optional<JsonSchema> old = CompatibilitySoundnessTest.compile(before);
        Optional<JsonSchema> now = CompatibilitySoundnessTest.compile(after);
        if (old.isEmpty() || now.isEmpty()) {
            return false;
        }
        boolean compatible = changes.stream().allMatch(backward ? SchemaChange::backwardSafe : SchemaChange::forwardSafe);
        JsonSchema reader = backward ? now.get() : old.get();
        JsonSchema writer = backward ? old.get() : now.get();
        try {
            return compatible && CompatibilitySoundnessTest.valid(writer, document) && !CompatibilitySoundnessTest.valid(reader, document);
        } catch (StackOverflowError | RuntimeException e) {
            return false;
        }
    }

    /** Copies of the node with one member or element removed somewhere in it. */
    static List<JsonNode> smaller(JsonNode node) {
        List<JsonNode> copies = new ArrayList<>();
        List<List<Object>> paths = new ArrayList<>();
        positions(node, new ArrayList<>(), paths);
        for (List<Object> path : paths) {
            JsonNode copy = node.deepCopy();
            JsonNode parent = copy;
            for (Object step : path.subList(0, path.size() - 1)) {
                parent = step instanceof String name ? parent.get(name) : parent.get((Integer) step);
            }
            Object last = path.get(path.size() - 1);
            if (last instanceof String name) {
                ((ObjectNode) parent).remove(name);
            } else {
                ((ArrayNode) parent).remove((Integer) last);
            }
            copies.add(copy);
        }
        return copies;
    }

    private static void positions(JsonNode node, List<Object> at, List<List<Object>> paths) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                List<Object> path = new ArrayList<>(at);
                path.add(name);
                paths.add(path);
                positions(node.get(name), path, paths);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                List<Object> path = new ArrayList<>(at);
                path.add(i);
                paths.add(path);
                positions(node.get(i), path, paths);
            }
        }
    }

    @Override
    public String toString() {
        return (backward ? "BACKWARD" : "FORWARD") + " counterexample\n  old:      " + before + "\n  new:      " + after
                + "\n  document: " + document + "\n  changes:  " + changes;
    }
}
