package dev.accord.core.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML document as plain maps, lists and the text of its scalars, untyped: what the contract's content
 * hash is computed over, so that {@code 1.10} and {@code 1.1} (or {@code 03} and {@code 3}) hash differently.
 */
final class YamlText {

    private YamlText() {}

    static Object of(Node node) {
        if (node instanceof MappingNode mapping) {
            Map<String, Object> map = new TreeMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                map.put(String.valueOf(of(tuple.getKeyNode())), of(tuple.getValueNode()));
            }
            return map;
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> items = new ArrayList<>();
            sequence.getValue().forEach(item -> items.add(of(item)));
            return items;
        }
        ScalarNode scalar = (ScalarNode) node;
        return Tag.NULL.equals(scalar.getTag()) ? null : scalar.getValue();
    }
}
