package dev.accord.core.dictionary;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.core.contract.Contract;
import dev.accord.core.contract.DeleteMode;
import dev.accord.core.contract.DomainSpec;
import dev.accord.core.contract.FieldSpec;
import dev.accord.core.contract.FormatCharacters;
import dev.accord.core.contract.MergeStrategy;
import dev.accord.core.contract.SystemSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The data dictionary of a contract: per domain and field, what it means and every rule that governs it —
 * type, unit, constraints, owner, merge strategy, steward, PII, lifecycle and who reads it. A pure function of
 * the contract, so the generated pages change exactly when the contract does.
 */
public final class DataDictionary {

    private static final List<String> CONSTRAINT_KEYWORDS = List.of("format", "pattern", "minLength", "maxLength", "minimum",
            "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "enum", "const", "default");

    private DataDictionary() {}

    public static List<DictionaryDomain> of(Contract contract) {
        List<DictionaryDomain> domains = new ArrayList<>();
        for (DomainSpec domain : contract.domains().values()) {
            List<DictionaryEntry> fields = new ArrayList<>();
            for (FieldSpec field : domain.fields().values()) {
                fields.add(entry(contract, domain, field));
            }
            List<String> flows = contract.flows().values().stream().filter(f -> f.domain().equals(domain.name()))
                    .map(f -> f.name() + ": " + f.source() + " → " + String.join(", ", f.targets())).toList();
            domains.add(new DictionaryDomain(domain.name(), domain.schema().schema().path("description").asText(null), domain.key(),
                    domain.schema().file() + " (version " + domain.schema().version() + ")", domain.compatibility().name(),
                    lifecycle(contract, domain), flows, fields));
        }
        return domains;
    }

    private static DictionaryEntry entry(Contract contract, DomainSpec domain, FieldSpec field) {
        List<String> mappedBy = new ArrayList<>();
        List<String> readBy = new ArrayList<>();
        for (SystemSpec system : contract.systems().values()) {
            system.domain(domain.name()).ifPresent(m -> {
                if (m.maps(field.name())) {
                    mappedBy.add(system.name());
                }
                if (m.reads().containsKey(field.name())) {
                    readBy.add(system.name());
                }
            });
        }
        List<String> writers = writers(field, mappedBy);
        String lifecycle = field.name().equals(domain.key())
                ? "identifies the record; set on create by " + field.owner() + ", never updated"
                : "created and updated by " + String.join(", ", writers) + "; " + (domain.lifecycle().delete().isEmpty()
                ? "never deleted" : "tombstoned with its record when " + String.join(" or ", domain.lifecycle().delete()) + " deletes it");
        return new DictionaryEntry(field.name(), field.description(), type(domain, field), field.unit(), constraints(domain, field),
                field.owner(), field.merge().spelling(), writers, field.steward(), field.pii(), lifecycle, mappedBy, readBy);
    }

    private static List<String> writers(FieldSpec field, List<String> mappedBy) {
        Set<String> writers = new LinkedHashSet<>();
        writers.add(field.owner());
        if (field.merge() == MergeStrategy.SOURCE_PRIORITY) {
            writers.addAll(field.priority());
        } else if (field.merge() == MergeStrategy.LAST_WRITER_WINS || field.merge() == MergeStrategy.REVIEW) {
            writers.addAll(field.writers().isEmpty() ? mappedBy : field.writers());
        }
        return List.copyOf(writers);
    }

    private static String type(DomainSpec domain, FieldSpec field) {
        JsonNode type = domain.schema().schema().path("properties").path(field.name()).path("type");
        boolean nullable = type.isArray() && type.toString().contains("\"null\"");
        return field.type().name().toLowerCase(Locale.ROOT) + (nullable ? " or null" : "");
    }

    private static List<String> constraints(DomainSpec domain, FieldSpec field) {
        List<String> constraints = new ArrayList<>();
        if (field.required() || listed(domain.schema().schema().path("required"), field.name())) {
            constraints.add("required");
        }
        if (field.requiredFrom() != null) {
            constraints.add("required from " + field.requiredFrom());
        }
        JsonNode property = domain.schema().schema().path("properties").path(field.name());
        for (String keyword : CONSTRAINT_KEYWORDS) {
            if (property.has(keyword)) {
                JsonNode value = property.path(keyword);
                constraints.add(keyword + " " + (value.isTextual() ? value.asText() : value.toString()));
            }
        }
        if (!field.allowed().isEmpty()) {
            constraints.add("allowed " + String.join(", ", field.allowed()));
        }
        if (field.formatCharacters() == FormatCharacters.REJECT) {
            constraints.add("no invisible format characters");
        } else if (field.formatCharacters() == FormatCharacters.STRIP) {
            constraints.add("invisible format characters stripped");
        }
        if (field.references() != null) {
            constraints.add("references " + field.references() + " (missing: " + field.onMissingReference().spelling() + ")");
        }
        return constraints;
    }

    private static String lifecycle(Contract contract, DomainSpec domain) {
        List<String> lands = new ArrayList<>();
        for (SystemSpec system : contract.systems().values()) {
            system.domain(domain.name()).ifPresent(m -> lands.add(system.name() + " "
                    + (m.delete() == DeleteMode.SOFT ? "soft (" + m.softDeleteColumn() + ")" : "hard")));
        }
        String deleters = domain.lifecycle().delete().isEmpty() ? "no system may delete"
                : "deleted by " + String.join(", ", domain.lifecycle().delete()) + " (a versioned tombstone)";
        return "created by any system that writes the key; " + deleters + "; deleted records "
                + (domain.lifecycle().resurrect() ? "come back with any newer write" : "come back only through the deleting system")
                + "; tombstones land as " + String.join(", ", lands);
    }

    private static boolean listed(JsonNode array, String name) {
        for (JsonNode item : array) {
            if (item.asText().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
