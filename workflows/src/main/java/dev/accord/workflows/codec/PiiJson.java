package dev.accord.workflows.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the PII values in a JSON tree and replaces them, in place, with sealed ones (and back). A value is PII when
 * <ul>
 *   <li>its property is named by {@link PiiNames} (a canonical record keyed by field, a source or target row keyed
 *       by column, a by-column map of anything);</li>
 *   <li>or it is a generic value property ({@link #VALUE_PROPERTIES}) of an object whose subject is a PII field: its
 *       {@code field} or {@code column} property names one ({@code {"field":"email","before":…,"after":…}}), or
 *       its {@code reviewId} ({@code <domain>/<key>/<field>}) ends in one.</li>
 * </ul>
 * Null values stay null: that a field is empty is not personal data, and readers see that it was cleared.
 * Decoding needs no names: every sealed string is opened, wherever it is.
 */
final class PiiJson {

    static final Set<String> VALUE_PROPERTIES = Set.of("value", "values", "before", "after", "oldValue", "newValue",
            "proposed", "golden", "expected", "actual");

    private final PiiNames names;
    private final FieldCipher cipher;

    PiiJson(PiiNames names, FieldCipher cipher) {
        this.names = names;
        this.cipher = cipher;
    }

    /**
     * Seals every PII value under {@code node} (an object or array); true when anything changed. A text that merely
     * looks sealed (a source value starting with {@code pii:v1:}) is sealed too, so decoding gives it back as it was
     * instead of failing on it.
     */
    boolean seal(JsonNode node) {
        boolean changed = false;
        if (node instanceof ObjectNode object) {
            boolean subjectIsPii = names.contains(text(object, "field")) || names.contains(text(object, "column"))
                    || names.contains(lastSegment(text(object, "reviewId")));
            List<String> keys = new ArrayList<>();
            object.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                JsonNode value = object.get(key);
                boolean pii = names.contains(key) || subjectIsPii && VALUE_PROPERTIES.contains(key);
                if (pii && !value.isNull() || FieldCipher.isSealed(value)) {
                    object.set(key, cipher.seal(value));
                    changed = true;
                } else {
                    changed |= seal(value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (FieldCipher.isSealed(array.get(i))) {
                    array.set(i, cipher.seal(array.get(i)));
                    changed = true;
                } else {
                    changed |= seal(array.get(i));
                }
            }
        }
        return changed;
    }

    /** Opens every sealed value under {@code node}; returns the node to use in its place (itself unless it was sealed). */
    JsonNode open(JsonNode node) {
        if (FieldCipher.isSealed(node)) {
            return cipher.open(node.textValue());
        }
        if (node instanceof ObjectNode object) {
            List<String> keys = new ArrayList<>();
            object.fieldNames().forEachRemaining(keys::add);
            keys.forEach(key -> object.set(key, open(object.get(key))));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, open(array.get(i)));
            }
        }
        return node;
    }

    private static String text(ObjectNode object, String property) {
        JsonNode value = object.get(property);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    private static String lastSegment(String path) {
        return path == null ? null : path.substring(path.lastIndexOf('/') + 1);
    }
}
