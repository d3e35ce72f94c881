package dev.accord.core.contract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML node with its key path, read defensively: every unexpected shape becomes a
 * {@link ContractProblem} at the node's line and column, and reading goes on with a safe default.
 */
final class YamlNode {

    private final Node node;
    private final Node key;
    private final String path;
    private final Problems problems;

    YamlNode(Node node, String path, Problems problems) {
        this(node, null, path, problems);
    }

    private YamlNode(Node node, Node key, String path, Problems problems) {
        this.node = node;
        this.key = key;
        this.path = path;
        this.problems = problems;
    }

    String path() {
        return path;
    }

    Node raw() {
        return node;
    }

    /** Reports at the value for a scalar, at its key for a mapping or list (which starts on the next line). */
    void problem(String message, String hint) {
        Node at = key != null && !(node instanceof ScalarNode) ? key : node;
        problems.add(at.getStartMark().getLine() + 1, at.getStartMark().getColumn() + 1, path, message, hint);
    }

    boolean isNull() {
        return node instanceof ScalarNode scalar && (Tag.NULL.equals(scalar.getTag()) || scalar.getValue().isEmpty());
    }

    /** The entries of a mapping in document order; a problem (and no entries) for any other shape. */
    Map<String, YamlNode> entries(String expected) {
        Map<String, YamlNode> result = new LinkedHashMap<>();
        if (!(node instanceof MappingNode mapping)) {
            problem("expected " + expected + " (a mapping of keys to values), found " + shape(),
                    "write it as 'key: value' lines indented below its key, or as { key: value, … }");
            return result;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode k ? k.getValue() : null;
            if (key == null) {
                new YamlNode(tuple.getKeyNode(), path, problems).problem("keys must be plain text, found " + shapeOf(tuple.getKeyNode()),
                        "write the key as a plain word followed by ':'");
            } else if (result.containsKey(key)) {
                new YamlNode(tuple.getKeyNode(), child(key), problems).problem("duplicate key '" + key + "'", "remove one of the two entries");
            } else {
                result.put(key, new YamlNode(tuple.getValueNode(), tuple.getKeyNode(), child(key), problems));
            }
        }
        return result;
    }

    /** Entries of a mapping whose keys must come from {@code allowed}; unknown keys are problems. */
    Map<String, YamlNode> fields(String expected, Collection<String> allowed) {
        Map<String, YamlNode> result = entries(expected);
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode k && !allowed.contains(k.getValue())) {
                    new YamlNode(tuple.getKeyNode(), child(k.getValue()), problems)
                            .problem("unknown key '" + k.getValue() + "'", Suggestions.hint(k.getValue(), allowed));
                }
            }
        }
        return result;
    }

    List<YamlNode> items(String expected) {
        List<YamlNode> result = new ArrayList<>();
        if (!(node instanceof SequenceNode sequence)) {
            problem("expected " + expected + " (a list), found " + shape(), "write it as [a, b] or as lines starting with '- '");
            return result;
        }
        List<Node> values = sequence.getValue();
        for (int i = 0; i < values.size(); i++) {
            result.add(new YamlNode(values.get(i), path + "[" + i + "]", problems));
        }
        return result;
    }

    /** The text of a scalar; a problem and null for a mapping or a list. */
    String text(String expected) {
        return text(expected, "write one plain value here; only the keys documented as lists take [a, b]");
    }

    /** The text of a scalar; a problem with {@code hint} and null for a mapping or a list. */
    String text(String expected, String hint) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        problem("expected " + expected + ", found " + shape(), hint);
        return null;
    }

    List<String> texts(String expected) {
        if (node instanceof ScalarNode && !isNull()) {
            return List.of(text(expected));
        }
        List<String> result = new ArrayList<>();
        for (YamlNode item : items("a list of " + expected)) {
            String value = item.text(expected);
            if (value != null) {
                result.add(value);
            }
        }
        return result;
    }

    Optional<Integer> integer(String expected) {
        String text = text(expected);
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            problem("expected " + expected + ", found '" + text + "'", "write a whole number");
            return Optional.empty();
        }
    }

    Optional<Boolean> bool(String expected) {
        String text = text(expected);
        if ("true".equals(text) || "false".equals(text)) {
            return Optional.of(Boolean.parseBoolean(text));
        }
        if (text != null) {
            problem("expected " + expected + " (true or false), found '" + text + "'", "write true or false; yes, no, on and off are not flags here");
        }
        return Optional.empty();
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** What the node is, for messages: a mapping, a list, nothing or its text. */
    String shape() {
        return isNull() ? "nothing" : shapeOf(node);
    }

    private static String shapeOf(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return "'" + ((ScalarNode) node).getValue() + "'";
    }
}
