package dev.accord.core.schema;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Local references ({@code "$ref": "#/$defs/address"}, {@code "#/definitions/…"}, {@code "#"}) resolved against
 * the document they occur in, so that a reference to identical content is no change. A reference with sibling
 * keywords becomes the conjunction of its target and the siblings (2020-12 semantics; under draft-07 the validator
 * ignores the siblings, and treating them as constraints only makes the comparison more cautious).
 */
final class LocalRefs {

    private LocalRefs() {}

    /** Whether the node is a schema object with a {@code $ref}. */
    static boolean isRef(JsonNode node) {
        return node.isObject() && node.has("$ref");
    }

    static String ref(JsonNode node) {
        return node.path("$ref").asText();
    }

    /** A JSON pointer fragment in the same document. */
    static boolean local(String ref) {
        return ref.equals("#") || ref.startsWith("#/");
    }

    /**
     * The node with its {@code $ref} replaced by what it points at; empty when the reference is not a local
     * JSON pointer or points at nothing.
     */
    static Optional<JsonNode> resolve(JsonNode node, JsonNode root, boolean siblingsApply) {
        String ref = ref(node);
        if (!local(ref)) {
            return Optional.empty();
        }
        JsonNode target;
        try {
            String pointer = URLDecoder.decode(ref.substring(1), StandardCharsets.UTF_8);
            target = pointer.isEmpty() ? root : root.at(JsonPointer.compile(pointer));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (target.isMissingNode() || !(target.isObject() || target.isBoolean())) {
            return Optional.empty();
        }
        ObjectNode siblings = withoutRef(node);
        if (!siblingsApply || Schemas.trivial(siblings)) {
            return Optional.of(target);
        }
        return Optional.of(Schemas.allOf(new ArrayList<>(List.of(target, siblings))));
    }

    /** The node's keywords other than {@code $ref}. */
    static ObjectNode withoutRef(JsonNode node) {
        ObjectNode siblings = ((ObjectNode) node).deepCopy();
        siblings.remove("$ref");
        return siblings;
    }
}
