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
 * @param identity how records of systems with their own ids are linked to golden records ({@link Identity#NONE} when
 *     the contract says nothing)
 */
public record DomainSpec(String name, String key, SchemaRef schema, Lifecycle lifecycle, Map<String, FieldSpec> fields,
                         CompatibilityMode compatibility, Identity identity) {

    public DomainSpec {
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        identity = identity == null ? Identity.NONE : identity;
    }

    public DomainSpec(String name, String key, SchemaRef schema, Lifecycle lifecycle, Map<String, FieldSpec> fields,
                      CompatibilityMode compatibility) {
        this(name, key, schema, lifecycle, fields, compatibility, Identity.NONE);
    }

    public Optional<FieldSpec> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }
}
