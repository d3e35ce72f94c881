package dev.accord.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.core.contract.DomainSpec;
import dev.accord.core.contract.FieldSpec;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Data quality of a domain's live golden records, as ratios from 0 to 1 (1 when there is nothing to check):
 * completeness (records holding every required field, and per required field; the key field is the
 * record's key), uniqueness of keys (keys
 * that stay distinct when compared without case and surrounding blanks, so {@code C000001} and
 * {@code c000001 } count as one entity held twice) and referential integrity (values of {@code references}
 * fields that name a live record of the referenced domain). Reads every live record of the domain, streamed
 * (memory does not grow with the domain, except for the keys of a referenced domain): run it on a schedule,
 * not per request.
 */
public record DataQuality(String domain, long records, double completeness, Map<String, Double> fieldCompleteness,
                          double uniqueness, double integrity) {

    /** Measures {@code domain}; {@code liveKeys} answers the live keys of a referenced domain. */
    public static DataQuality measure(Connection connection, DomainSpec domain) throws SQLException {
        List<String> required = domain.fields().values().stream().filter(FieldSpec::required).map(FieldSpec::name).toList();
        List<FieldSpec> references = domain.fields().values().stream().filter(f -> f.references() != null).toList();
        Map<String, Set<String>> referenced = new LinkedHashMap<>();
        for (FieldSpec field : references) {
            referenced.computeIfAbsent(field.references(), d -> liveKeys(connection, d));
        }
        Completeness tally = new Completeness(required, domain.key());
        Sql.forEach(connection, "select record_key, fields_json from golden_record where domain_name = ? and deleted = false",
                s -> s.setString(1, domain.name()), r -> tally.add(r.getString(1), StoreJson.tree(r.getString(2)), references, referenced));
        List<Long> distinct = Sql.query(connection, "select count(distinct lower(trim(record_key))) from golden_record"
                + " where domain_name = ? and deleted = false", s -> s.setString(1, domain.name()), r -> r.getLong(1));
        return tally.result(domain.name(), distinct.get(0));
    }

    private static Set<String> liveKeys(Connection connection, String domain) {
        try {
            return new HashSet<>(Sql.query(connection, "select record_key from golden_record where domain_name = ? and deleted = false",
                    s -> s.setString(1, domain), r -> r.getString(1)));
        } catch (SQLException e) {
            throw new StoreException("cannot read the keys of domain " + domain, e);
        }
    }

    private static boolean holds(JsonNode fields, String field) {
        JsonNode value = fields.path(field).path("value");
        return !value.isMissingNode() && !value.isNull() && !(value.isTextual() && value.asText().isBlank());
    }

    /** A domain's completeness and referential integrity, counted record by record. */
    private static final class Completeness {
        private final List<String> required;
        private final String keyField;
        private final Map<String, Long> present = new LinkedHashMap<>();
        private long records;
        private long complete;
        private long referenceValues;
        private long resolvedReferences;

        Completeness(List<String> required, String keyField) {
            this.required = required;
            this.keyField = keyField;
            required.forEach(f -> present.put(f, 0L));
        }

        void add(String key, JsonNode fields, List<FieldSpec> references, Map<String, Set<String>> referenced) {
            records++;
            boolean all = true;
            for (String field : required) {
                boolean holds = field.equals(keyField) ? !key.isBlank() : holds(fields, field);
                all &= holds;
                present.merge(field, holds ? 1L : 0L, Long::sum);
            }
            complete += all ? 1 : 0;
            for (FieldSpec field : references) {
                if (holds(fields, field.name())) {
                    referenceValues++;
                    resolvedReferences += referenced.get(field.references()).contains(fields.path(field.name()).path("value").asText()) ? 1 : 0;
                }
            }
        }

        /** @param distinctKeys live keys that stay distinct without case and surrounding blanks (counted by the database) */
        DataQuality result(String domain, long distinctKeys) {
            Map<String, Double> perField = new LinkedHashMap<>();
            present.forEach((field, count) -> perField.put(field, ratio(count, records)));
            return new DataQuality(domain, records, ratio(complete, records), perField, ratio(distinctKeys, records),
                    ratio(resolvedReferences, referenceValues));
        }

        private static double ratio(long part, long whole) {
            return whole == 0 ? 1.0 : (double) part / whole;
        }
    }
}
