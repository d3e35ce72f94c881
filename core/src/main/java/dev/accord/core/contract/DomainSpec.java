package dev.accord.core.contract;

import dev.accord.core.schema.CompatibilityMode;
import java.util.Map;
import java.util.Optional;

/**
 * One entity type (customer, order, …): its stable key, canonical schema and field rules.
 *
 * @param key the canonical field that identifies a record across systems
 * @param fields canonical field name to its rules, in contract order
 * @param compatibility how a new version of the domain's schema must relate to the earlier ones
 */
public record DomainSpec(String name, String key, SchemaRef schema, Lifecycle lifecycle, Map<String, FieldSpec> fields,
                         CompatibilityMode compatibility) {

    public DomainSpec {
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }

    public Optional<FieldSpec> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }
}
