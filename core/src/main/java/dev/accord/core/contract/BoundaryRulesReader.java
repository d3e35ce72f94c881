package dev.accord.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a field's boundary rules that phase in or enforce integrity: {@code required-from},
 * {@code on-missing-reference} and {@code format-characters}.
 */
final class BoundaryRulesReader {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private BoundaryRulesReader() {}

    static RequiredFrom requiredFrom(String field, Map<String, YamlNode> entries, SchemaRef schema) {
        YamlNode node = entries.get("required-from");
        if (node == null || node.isNull()) {
            return null;
        }
        String text = node.text("a date or a flag name");
        RequiredFrom parsed = parse(text, node);
        if (parsed == null) {
            return null;
        }
        if (entries.containsKey("required") && entries.get("required").bool("a flag").orElse(false)) {
            node.problem("'required-from' has no effect: the field is 'required: true' already",
                    "remove 'required: true' to phase the requirement in from " + text);
        }
        if (schema != null && requiredBySchema(schema.schema(), field)) {
            node.problem("schema " + schema.file() + " requires '" + field + "' already, so 'required-from' has no effect",
                    "remove '" + field + "' from the schema's required list; the contract phases it in");
        }
        return parsed;
    }

    static MissingReference onMissingReference(Map<String, YamlNode> entries) {
        YamlNode node = entries.get("on-missing-reference");
        if (node == null) {
            return entries.containsKey("references") ? MissingReference.PARK : null;
        }
        if (!entries.containsKey("references")) {
            node.problem("'on-missing-reference' only applies to a field with 'references'", "add references: <domain>, or remove it");
        }
        String text = node.text("park or quarantine");
        return MissingReference.parse(text).orElseGet(() -> {
            node.problem("unknown reference rule '" + text + "'", "expected one of: park, quarantine");
            return MissingReference.PARK;
        });
    }

    /**
     * {@code format-characters} of a field: its own setting, else the contract's default, else {@code reject} for
     * the domain's key and for text the schema constrains with a {@code format} or {@code pattern}, and
     * {@code keep} for free text. Null for a field that is not text, where the setting is an error.
     */
    static FormatCharacters formatCharacters(Map<String, YamlNode> entries, FieldType type, boolean key, JsonNode property,
                                             FormatCharacters contractDefault) {
        YamlNode node = entries.get("format-characters");
        FormatCharacters own = node == null ? null : formatCharacters(node);
        if (type != FieldType.STRING) {
            if (node != null) {
                node.problem("'format-characters' applies to text fields only; this field is " + type.name().toLowerCase(Locale.ROOT),
                        "remove it: a format character already makes a number, flag, date or timestamp unreadable");
            }
            return null;
        }
        if (own != null) {
            return own;
        }
        if (contractDefault != null) {
            return contractDefault;
        }
        return key || property.has("format") || property.has("pattern") ? FormatCharacters.REJECT : FormatCharacters.KEEP;
    }

    /** A {@code format-characters} value; a problem and null for anything but reject, strip or keep. */
    static FormatCharacters formatCharacters(YamlNode node) {
        String text = node.text("reject, strip or keep");
        if (text == null) {
            return null;
        }
        return FormatCharacters.parse(text).orElseGet(() -> {
            node.problem("unknown format-characters rule '" + text + "'",
                    Suggestions.hint(text, Arrays.stream(FormatCharacters.values()).map(FormatCharacters::spelling).toList()));
            return null;
        });
    }

    private static RequiredFrom parse(String text, YamlNode node) {
        if (text != null && DATE.matcher(text.trim()).matches()) {
            try {
                return new RequiredFrom(LocalDate.parse(text.trim()), null);
            } catch (DateTimeParseException e) {
                node.problem("'" + text + "' is not a date", "write the first day the field is required as yyyy-MM-dd");
                return null;
            }
        }
        if (Identifiers.isName(text)) {
            return new RequiredFrom(null, text);
        }
        node.problem("expected a date (yyyy-MM-dd) or a flag name, found '" + text + "'",
                "write required-from: 2025-01-01, or a flag such as required-from: strict-email");
        return null;
    }

    private static boolean requiredBySchema(JsonNode schema, String field) {
        for (JsonNode name : schema.path("required")) {
            if (name.asText().equals(field)) {
                return true;
            }
        }
        return false;
    }
}
