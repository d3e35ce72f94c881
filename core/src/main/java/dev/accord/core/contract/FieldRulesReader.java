package dev.accord.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads one canonical field's rules: owner, merge strategy and governance metadata. */
final class FieldRulesReader {

    private static final Set<String> FIELD_KEYS = Set.of("owner", "merge", "priority", "writers", "description",
            "unit", "pii", "steward", "required", "allowed", "references", "required-from", "on-missing-reference", "review",
            "format-characters");

    private final Set<String> systemNames;
    private final FormatCharacters formatCharactersDefault;

    /** @param formatCharactersDefault the contract's {@code format-characters}, null when it sets none */
    FieldRulesReader(Set<String> systemNames, FormatCharacters formatCharactersDefault) {
        this.systemNames = systemNames;
        this.formatCharactersDefault = formatCharactersDefault;
    }

    /** @param key whether the field is the domain's key */
    FieldSpec read(String name, YamlNode node, SchemaRef schema, boolean key) {
        if (!Identifiers.isFieldName(name)) {
            node.problem("field name '" + name + "' is not allowed", Identifiers.FIELD_HINT);
        }
        Map<String, YamlNode> entries = node.fields("the rules of a field", FIELD_KEYS);
        String owner = DomainsReader.required(node, entries, "owner", "the system of record for this field",
                "a field has exactly one owner; let other systems write it with merge: last-writer-wins and writers: [...],"
                        + " or merge: source-priority and priority: [...]");
        checkSystem(entries.get("owner"), owner);
        MergeStrategy parsed = readMerge(node, entries.get("merge"));
        MergeStrategy merge = parsed == null ? MergeStrategy.OWNER_WINS : parsed;
        List<String> priority = systemList(entries.get("priority"));
        List<String> writers = systemList(entries.get("writers"));
        if (merge == MergeStrategy.SOURCE_PRIORITY && priority.isEmpty()) {
            node.problem("merge 'source-priority' needs a 'priority' list", "add priority: [first-system, second-system]");
        }
        if (merge != MergeStrategy.SOURCE_PRIORITY && entries.containsKey("priority")) {
            entries.get("priority").problem("'priority' only applies to merge 'source-priority'", "remove it or change merge");
        }
        if (merge == MergeStrategy.SOURCE_PRIORITY && owner != null && !priority.isEmpty() && !priority.contains(owner)) {
            entries.get("priority").problem("the owner '" + owner + "' is not in the priority list, so it could never write its own field",
                    "add " + owner + " to priority (usually first)");
        }
        boolean takesWriters = merge == MergeStrategy.LAST_WRITER_WINS || merge == MergeStrategy.REVIEW;
        if (parsed != null && !takesWriters && entries.containsKey("writers")) {
            entries.get("writers").problem("'writers' only applies to merge 'last-writer-wins' or 'review'",
                    merge == MergeStrategy.SOURCE_PRIORITY ? "the priority list names who may write" : "under owner-wins only the owner writes; remove writers");
        }
        FieldType type = typeOf(name, node, schema);
        return new FieldSpec(name, type, owner, merge, priority, writers,
                text(entries.get("description")), text(entries.get("unit")), flag(entries.get("pii")),
                text(entries.get("steward")), flag(entries.get("required")),
                entries.containsKey("allowed") ? entries.get("allowed").texts("allowed values") : List.of(),
                text(entries.get("references")), BoundaryRulesReader.requiredFrom(name, entries, schema),
                BoundaryRulesReader.onMissingReference(entries), ReviewRuleReader.read(entries.get("review"), type, merge),
                BoundaryRulesReader.formatCharacters(entries, type, key, property(name, schema), formatCharactersDefault));
    }

    private MergeStrategy readMerge(YamlNode field, YamlNode node) {
        if (node == null) {
            return MergeStrategy.OWNER_WINS;
        }
        String text = node.text("a merge strategy");
        List<String> spellings = Arrays.stream(MergeStrategy.values()).map(MergeStrategy::spelling).collect(Collectors.toList());
        return MergeStrategy.parse(text).orElseGet(() -> {
            node.problem("unknown merge strategy '" + text + "'", Suggestions.hint(String.valueOf(text), spellings));
            return null;
        });
    }

    private FieldType typeOf(String name, YamlNode node, SchemaRef schema) {
        if (schema == null) {
            return FieldType.STRING;
        }
        JsonNode property = schema.schema().path("properties").path(name);
        if (property.isMissingNode()) {
            node.problem("field '" + name + "' is not in schema " + schema.file(),
                    "add it to the schema's properties, or remove it from the contract");
            return FieldType.STRING;
        }
        FieldType type = FieldType.fromJsonSchema(typeName(property.path("type")), property.path("format").asText(null));
        if (type == null) {
            node.problem("field '" + name + "' has an unsupported type in schema " + schema.file(),
                    "use string (optionally format date-time or date), integer, number or boolean");
            return FieldType.STRING;
        }
        return type;
    }

    private static JsonNode property(String name, SchemaRef schema) {
        return schema == null ? MissingNode.getInstance() : schema.schema().path("properties").path(name);
    }

    /** {@code "string"} or the non-null member of {@code ["string", "null"]}. */
    private static String typeName(JsonNode type) {
        if (type.isTextual()) {
            return type.asText();
        }
        for (JsonNode member : type) {
            if (!"null".equals(member.asText())) {
                return member.asText();
            }
        }
        return null;
    }

    private List<String> systemList(YamlNode node) {
        if (node == null) {
            return List.of();
        }
        List<String> names = node.texts("system names");
        names.forEach(name -> checkSystem(node, name));
        return names;
    }

    private void checkSystem(YamlNode node, String name) {
        if (node != null && name != null && !systemNames.contains(name)) {
            node.problem("unknown system '" + name + "'", Suggestions.hint(name, systemNames));
        }
    }

    private static String text(YamlNode node) {
        return node == null || node.isNull() ? null : node.text("text");
    }

    private static boolean flag(YamlNode node) {
        return node != null && node.bool("a flag").orElse(false);
    }
}
