package dev.accord.core.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.core.contract.Contract;
import dev.accord.core.contract.DomainMapping;
import dev.accord.core.contract.DomainSpec;
import dev.accord.core.contract.FieldMapping;
import dev.accord.core.contract.FieldSpec;
import dev.accord.core.contract.FieldType;
import dev.accord.core.contract.SystemSpec;
import dev.accord.core.validation.ReasonCode;
import dev.accord.core.validation.Violation;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Translates between one system's local rows (column name to JDBC or JSON value) and canonical fields,
 * both ways, following the contract's mapping: renames, types, enum value maps, unit factors and the
 * time zone of local timestamps. Ingress normalises (format characters as the field says, NFC, trim, UTC);
 * egress reverses each conversion and normalises nothing: canonical values were normalised on their way in.
 */
public final class RecordMapper {

    private final DomainSpec domain;
    private final DomainMapping mapping;
    private final ZoneId zone;

    public RecordMapper(Contract contract, String system, String domain) {
        SystemSpec spec = contract.system(system);
        this.domain = contract.domain(domain);
        this.mapping = contract.mapping(system, domain);
        this.zone = spec.timezone();
    }

    public Set<String> mappedFields() {
        return mapping.fields().keySet();
    }

    /** The local column that holds a record's id here: the system's own id column, or the domain key field's column. */
    public String keyColumn() {
        return mapping.keyColumn(domain.key());
    }

    /** Whether this system keeps its own ids, linked to canonical ids through the store's cross-reference. */
    public boolean ownsIds() {
        return mapping.ownsIds();
    }

    public Mapped toCanonical(Map<String, ?> row) {
        Map<String, Object> columns = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        columns.putAll(row);
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        List<Violation> violations = new ArrayList<>();
        for (FieldMapping field : mapping.fields().values()) {
            if (!columns.containsKey(field.column())) {
                continue;
            }
            Normalised normalised = ValueNormaliser.normalise(columns.get(field.column()), typeOf(field.field()), field, zone,
                    domain.field(field.field()).map(FieldSpec::formatCharacters).orElse(null));
            if (normalised.violation() != null) {
                violations.add(normalised.violation());
            } else {
                fields.put(field.field(), normalised.value());
            }
        }
        if (mapping.ownsIds()) {
            Object local = columns.get(keyColumn());
            String key = local == null ? null : local.toString().strip();
            if (key == null || key.isEmpty()) {
                violations.add(new Violation(ReasonCode.MISSING_KEY, "$", "column '" + keyColumn() + "' (the system's own id)"
                        + " holds no id; every record needs one to be linked to its golden record"));
                key = null;
            }
            return new Mapped(key, fields, violations);
        }
        JsonNode keyValue = fields.get(domain.key());
        String key = keyValue == null || keyValue.isNull() ? null : keyValue.asText();
        if (key == null && violations.stream().noneMatch(v -> v.path().equals("$." + domain.key()))) {
            violations.add(Violation.at(ReasonCode.MISSING_KEY, domain.key(),
                    "column '" + keyColumn() + "' holds no key; every record needs its stable key"));
        }
        return new Mapped(key, fields, violations);
    }

    /**
     * Local column values for the canonical fields this system maps; the key column gets {@code key}, the canonical id.
     * A system with its own ids gets no key column (the connector sets the local id, or the system assigns one) but,
     * when it has one, the external-id column holds the canonical id.
     */
    public Map<String, Object> toLocal(String key, Map<String, JsonNode> canonical) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : canonical.entrySet()) {
            FieldMapping field = mapping.fields().get(entry.getKey());
            if (field != null && !entry.getKey().equals(domain.key())) {
                ZoneId localZone = field.timezone() != null ? field.timezone() : zone;
                row.put(field.column(), LocalValues.toLocal(entry.getValue(), typeOf(field.field()), field, localZone));
            }
        }
        if (mapping.ownsIds()) {
            if (mapping.localKey().externalId() != null) {
                row.put(mapping.localKey().externalId(), key);
            }
            return row;
        }
        row.put(keyColumn(), LocalValues.key(key, typeOf(domain.key())));
        return row;
    }

    /**
     * The canonical value as this system will hold it: rounded as the field's mapping asks ({@code round:}), so a
     * delivery compares the golden value with the row as it can ever be; unchanged for fields without rounding.
     */
    public JsonNode asStored(String field, JsonNode value) {
        FieldMapping fieldMapping = mapping.fields().get(field);
        if (fieldMapping == null || fieldMapping.round() == null || value == null || !value.isNumber()) {
            return value;
        }
        Object local = LocalValues.toLocal(value, typeOf(field), fieldMapping, zone);
        java.math.BigDecimal stored = local instanceof java.math.BigDecimal d ? d : new java.math.BigDecimal(local.toString());
        if (fieldMapping.factor() != null) {
            stored = stored.multiply(fieldMapping.factor());
        }
        return com.fasterxml.jackson.databind.node.DecimalNode.valueOf(stored.stripTrailingZeros());
    }

    /** Canonical field name for each mapped local column. */
    public Map<String, String> fieldsByColumn() {
        Map<String, String> result = new HashMap<>();
        mapping.fields().values().forEach(f -> result.put(f.column(), f.field()));
        return result;
    }

    private FieldType typeOf(String field) {
        return domain.field(field).map(f -> f.type()).orElse(FieldType.STRING);
    }
}
