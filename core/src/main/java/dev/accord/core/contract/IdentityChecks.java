package dev.accord.core.contract;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks the systems' own keys against each other: at most one system per domain is the id authority, since a record
 * can have only one canonical id.
 */
final class IdentityChecks {

    private IdentityChecks() {}

    static void check(YamlNode systemsSection, Map<String, DomainSpec> domains, Map<String, SystemSpec> systems) {
        Map<String, YamlNode> systemNodes = systemsSection.entries("the systems");
        for (DomainSpec domain : domains.values()) {
            Map<String, String> authorities = new LinkedHashMap<>();
            systems.values().forEach(system -> system.domain(domain.name())
                    .filter(m -> m.localKey() != null && m.localKey().authority())
                    .ifPresent(m -> authorities.put(system.name(), system.name())));
            if (authorities.size() < 2) {
                continue;
            }
            String first = authorities.keySet().iterator().next();
            authorities.keySet().stream().skip(1).forEach(second -> keyNode(systemNodes.get(second), domain.name()).problem(
                    "systems '" + first + "' and '" + second + "' both claim to be the id authority of domain '" + domain.name() + "'",
                    "a record has one canonical id: keep 'authority: true' on one system's key, or on none (Accord then mints the ids)"));
        }
    }

    private static YamlNode keyNode(YamlNode system, String domain) {
        YamlNode mapping = system.entries("a system").get("domains").entries("the domains").get(domain);
        YamlNode key = mapping.entries("a domain mapping").get("key");
        return key == null ? mapping : key;
    }
}
