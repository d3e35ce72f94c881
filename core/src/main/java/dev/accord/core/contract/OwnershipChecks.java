package dev.accord.core.contract;

import java.util.List;
import java.util.Map;

/**
 * Checks that every system a field names (owner, priority, writers) actually stores the field:
 * a system of record that does not map its field could never write it. The domain's key field is the exception in a
 * system that keeps its own ids: its value there is the canonical id the cross-reference gives.
 */
final class OwnershipChecks {

    private OwnershipChecks() {}

    static void check(YamlNode domainsSection, Map<String, DomainSpec> domains, Map<String, SystemSpec> systems) {
        Map<String, YamlNode> domainNodes = domainsSection.entries("the domains");
        for (DomainSpec domain : domains.values()) {
            YamlNode fieldsNode = domainNodes.get(domain.name()).entries("a domain").get("fields");
            if (fieldsNode == null) {
                continue;
            }
            Map<String, YamlNode> fieldNodes = fieldsNode.entries("the fields");
            for (FieldSpec field : domain.fields().values()) {
                Map<String, YamlNode> rules = fieldNodes.get(field.name()).entries("a field");
                List<String> owner = field.owner() == null ? List.of() : List.of(field.owner());
                checkMaps(rules.get("owner"), systems, domain, field, owner, "owner");
                checkMaps(rules.get("priority"), systems, domain, field, field.priority(), "priority system");
                checkMaps(rules.get("writers"), systems, domain, field, field.writers(), "writer");
            }
        }
    }

    private static void checkMaps(YamlNode node, Map<String, SystemSpec> systems, DomainSpec domain, FieldSpec field,
                                  List<String> names, String role) {
        for (String name : names) {
            SystemSpec system = name == null ? null : systems.get(name);
            if (system == null) {
                continue;
            }
            boolean maps = system.domain(domain.name()).map(m -> m.maps(field.name())
                    || (field.name().equals(domain.key()) && m.ownsIds())).orElse(false);
            if (!maps) {
                node.problem(role + " '" + name + "' does not map field '" + field.name() + "' of domain '" + domain.name() + "'",
                        "map it under systems." + name + ".domains." + domain.name() + ".fields, or choose a system that stores it");
            }
        }
    }
}
