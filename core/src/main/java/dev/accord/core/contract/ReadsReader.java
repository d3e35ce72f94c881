package dev.accord.core.contract;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a system's consumer declarations for one domain, {@code reads}: either a list of canonical fields, or
 * a mapping from field to what the system relies on ({@code type}, {@code values}, {@code required}).
 */
final class ReadsReader {

    private static final Set<String> READ_KEYS = Set.of("type", "values", "required");

    private ReadsReader() {}

    static Map<String, ConsumerRead> read(YamlNode node, DomainSpec domain, Map<String, FieldMapping> mapped) {
        Map<String, ConsumerRead> reads = new LinkedHashMap<>();
        if (node.raw().getNodeId().name().equals("mapping")) {
            node.entries("the fields this system reads").forEach((field, declaration) -> {
                if (check(field, declaration, domain, mapped)) {
                    reads.put(field, declaration(field, declaration, domain));
                }
            });
        } else {
            for (String field : node.texts("canonical field names")) {
                if (check(field, node, domain, mapped)) {
                    reads.put(field, new ConsumerRead(field, null, List.of(), false));
                }
            }
        }
        return reads;
    }

    private static boolean check(String field, YamlNode at, DomainSpec domain, Map<String, FieldMapping> mapped) {
        if (domain == null) {
            return false;
        }
        if (domain.field(field).isEmpty()) {
            at.problem("domain '" + domain.name() + "' has no field '" + field + "'", Suggestions.hint(field, domain.fields().keySet()));
            return false;
        }
        if (!mapped.containsKey(field)) {
            at.problem("reads field '" + field + "' but does not map it",
                    "a system receives only the fields it maps; map " + field + " under fields, or drop it from reads");
            return false;
        }
        return true;
    }

    private static ConsumerRead declaration(String field, YamlNode node, DomainSpec domain) {
        if (node.isNull()) {
            return new ConsumerRead(field, null, List.of(), false);
        }
        Map<String, YamlNode> entries = node.fields("what this system relies on in the field", READ_KEYS);
        FieldType type = entries.containsKey("type") ? type(entries.get("type")).orElse(null) : null;
        FieldType declared = domain.fields().get(field).type();
        if (type != null && type != declared) {
            entries.get("type").problem("reads '" + field + "' as " + spelling(type) + ", but the schema declares " + spelling(declared),
                    "consumer and schema must agree; a type change is a schema change");
        }
        List<String> values = entries.containsKey("values") ? entries.get("values").texts("values") : List.of();
        boolean required = entries.containsKey("required") && entries.get("required").bool("a flag").orElse(false);
        return new ConsumerRead(field, type, values, required);
    }

    private static Optional<FieldType> type(YamlNode node) {
        String text = node.text("a type");
        Optional<FieldType> type = Arrays.stream(FieldType.values()).filter(t -> spelling(t).equals(text)).findFirst();
        if (type.isEmpty()) {
            node.problem("unknown type '" + text + "'", Suggestions.hint(String.valueOf(text),
                    Arrays.stream(FieldType.values()).map(ReadsReader::spelling).toList()));
        }
        return type;
    }

    /** {@code string}, {@code integer}, {@code decimal}, {@code boolean}, {@code timestamp}, {@code date}. */
    static String spelling(FieldType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }
}
