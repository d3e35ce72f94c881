package dev.accord.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.core.schema.CompatibilityMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the {@code domains} section: key, schema, lifecycle and per-field rules. */
final class DomainsReader {

    private static final Set<String> DOMAIN_KEYS = Set.of("description", "key", "schema", "compatibility", "lifecycle", "fields",
            "identity");
    private static final Set<String> SCHEMA_KEYS = Set.of("file", "version");
    private static final Set<String> LIFECYCLE_KEYS = Set.of("delete", "resurrect");

    private final Problems problems;
    private final SchemaFiles schemaFiles;
    private final FieldRulesReader fieldReader;
    private final Set<String> systemNames;

    /** @param formatCharacters the contract's default {@code format-characters}, null when it sets none */
    DomainsReader(Problems problems, SchemaFiles schemaFiles, Set<String> systemNames, FormatCharacters formatCharacters) {
        this.problems = problems;
        this.schemaFiles = schemaFiles;
        this.systemNames = systemNames;
        this.fieldReader = new FieldRulesReader(systemNames, formatCharacters);
    }

    Map<String, DomainSpec> read(YamlNode section) {
        Map<String, DomainSpec> domains = new LinkedHashMap<>();
        section.entries("the domains (entity types)").forEach((name, node) -> {
            if (!Identifiers.isName(name)) {
                node.problem("domain name '" + name + "' is not allowed", Identifiers.NAME_HINT);
            }
            domains.put(name, readDomain(name, node));
        });
        return domains;
    }

    private DomainSpec readDomain(String name, YamlNode node) {
        Map<String, YamlNode> entries = node.fields("a domain", DOMAIN_KEYS);
        if (entries.containsKey("description")) {
            entries.get("description").text("text");
        }
        SchemaRef schema = readSchema(node, entries.get("schema"));
        Map<String, FieldSpec> fields = new LinkedHashMap<>();
        YamlNode fieldsNode = entries.get("fields");
        String key = required(node, entries, "key", "the canonical field that identifies a record");
        if (fieldsNode == null) {
            node.problem("missing key 'fields'", "declare every canonical field with its owner and merge strategy");
        } else {
            fieldsNode.entries("the canonical fields").forEach((field, fieldNode) ->
                    fields.put(field, fieldReader.read(field, fieldNode, schema, field.equals(key))));
            checkSchemaCoversFields(fieldsNode, schema, fields);
        }
        if (key != null && fieldsNode != null && !fields.containsKey(key)) {
            entries.get("key").problem("key field '" + key + "' is not among the domain's fields",
                    Suggestions.hint(key, fields.keySet()));
        }
        Lifecycle lifecycle = readLifecycle(entries.get("lifecycle"));
        Identity identity = entries.containsKey("identity") ? IdentityReader.read(entries.get("identity"), fields) : Identity.NONE;
        return new DomainSpec(name, key, schema, lifecycle, fields, compatibility(entries.get("compatibility")), identity);
    }

    private SchemaRef readSchema(YamlNode domain, YamlNode node) {
        if (node == null) {
            domain.problem("missing key 'schema'", "add schema: {file: schemas/<domain>.schema.json, version: 1}");
            return null;
        }
        Map<String, YamlNode> entries = node.fields("the schema reference", SCHEMA_KEYS);
        String file = required(node, entries, "file", "the JSON Schema file, relative to the contract");
        Integer version = entries.containsKey("version")
                ? entries.get("version").integer("a schema version number").orElse(null) : null;
        if (version == null && !entries.containsKey("version")) {
            node.problem("missing key 'version'", "the schema version this contract was written against, e.g. version: 1");
        }
        if (file == null || version == null) {
            return null;
        }
        JsonNode schema = schemaFiles.read(file, entries.get("file"), problems).orElse(null);
        return schema == null ? null : new SchemaRef(file, version, schema);
    }

    private void checkSchemaCoversFields(YamlNode fieldsNode, SchemaRef schema, Map<String, FieldSpec> fields) {
        if (schema == null) {
            return;
        }
        JsonNode properties = schema.schema().path("properties");
        properties.fieldNames().forEachRemaining(property -> {
            if (!fields.containsKey(property)) {
                fieldsNode.problem("schema " + schema.file() + " declares field '" + property + "' that the contract does not",
                        "add it under fields with its owner and merge strategy, so every field has a system of record");
            }
        });
    }

    private static CompatibilityMode compatibility(YamlNode node) {
        if (node == null) {
            return CompatibilityMode.DEFAULT;
        }
        String text = node.text("a compatibility mode");
        return CompatibilityMode.parse(text).orElseGet(() -> {
            List<String> modes = java.util.Arrays.stream(CompatibilityMode.values()).map(Enum::name).toList();
            node.problem("unknown compatibility mode '" + text + "'", Suggestions.hint(String.valueOf(text).toUpperCase(java.util.Locale.ROOT), modes));
            return CompatibilityMode.DEFAULT;
        });
    }

    private Lifecycle readLifecycle(YamlNode node) {
        if (node == null) {
            return new Lifecycle(List.of(), false);
        }
        Map<String, YamlNode> entries = node.fields("the lifecycle rules", LIFECYCLE_KEYS);
        List<String> delete = systems(entries.get("delete"));
        boolean resurrect = entries.containsKey("resurrect")
                && entries.get("resurrect").bool("whether a deleted record may come back").orElse(false);
        return new Lifecycle(delete, resurrect);
    }

    private List<String> systems(YamlNode node) {
        if (node == null) {
            return List.of();
        }
        List<String> names = node.texts("system names");
        for (String name : names) {
            if (!systemNames.contains(name)) {
                node.problem("unknown system '" + name + "'", Suggestions.hint(name, systemNames));
            }
        }
        return names;
    }

    static String required(YamlNode parent, Map<String, YamlNode> entries, String key, String what) {
        YamlNode node = entries.get(key);
        if (node == null || node.isNull()) {
            parent.problem("missing key '" + key + "': " + what, null);
            return null;
        }
        return node.text(what);
    }

    /** As {@link #required(YamlNode, Map, String, String)}, with the hint to give when the value is a list or mapping. */
    static String required(YamlNode parent, Map<String, YamlNode> entries, String key, String what, String shapeHint) {
        YamlNode node = entries.get(key);
        return node == null || node.isNull() ? required(parent, entries, key, what) : node.text(what, shapeHint);
    }
}
