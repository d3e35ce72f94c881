package dev.accord.core.contract;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Map;

/**
 * How one canonical field is stored in one system.
 *
 * @param field canonical field name
 * @param column local column (or JSON property) name
 * @param values local spelling to canonical value, for enumerations, in contract order (when several
 *     spellings share one canonical value, the first is the one written back); empty when not an enumeration
 * @param factor canonical = local × factor (unit conversion); null when the units agree
 * @param timezone zone of local timestamps that carry no offset; null to use the system's zone
 * @param round how a number is rounded on its way to the system; null: never (a value the system would round is
 *     quarantined)
 */
public record FieldMapping(String field, String column, Map<String, String> values, BigDecimal factor, ZoneId timezone,
                           Rounding round) {

    public FieldMapping {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }

    public FieldMapping(String field, String column, Map<String, String> values, BigDecimal factor, ZoneId timezone) {
        this(field, column, values, factor, timezone, null);
    }
}
