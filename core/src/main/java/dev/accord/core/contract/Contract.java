package dev.accord.core.contract;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A loaded, checked sync contract: the systems, the domains with their field rules, and the flows.
 * Build one with {@link ContractLoader}; every cross-reference in it has been verified.
 *
 * @param version the contract's own version, as written (a number or a semantic version)
 * @param hash stable content hash ({@code sha256:…}) over the contract and its schemas;
 *     comments, formatting and key order do not change it
 * @param source where the contract was read from (for messages), may be null
 */
public record Contract(
        String name,
        String version,
        String description,
        Map<String, SystemSpec> systems,
        Map<String, DomainSpec> domains,
        Map<String, FlowSpec> flows,
        String hash,
        String source) {

    public Contract {
        systems = Collections.unmodifiableMap(new LinkedHashMap<>(systems));
        domains = Collections.unmodifiableMap(new LinkedHashMap<>(domains));
        flows = Collections.unmodifiableMap(new LinkedHashMap<>(flows));
    }

    public SystemSpec system(String name) {
        return require(systems, name, "system");
    }

    public DomainSpec domain(String name) {
        return require(domains, name, "domain");
    }

    public FlowSpec flow(String name) {
        return require(flows, name, "flow");
    }

    /** How {@code system} stores {@code domain}; fails when the system does not map the domain. */
    public DomainMapping mapping(String system, String domain) {
        return system(system).domain(domain).orElseThrow(() -> new UnknownNameException(
                "system '" + system + "' does not map domain '" + domain + "'"));
    }

    private static <T> T require(Map<String, T> map, String name, String what) {
        T value = map.get(name);
        if (value == null) {
            throw new UnknownNameException("unknown " + what + " '" + name + "'; the contract declares: "
                    + String.join(", ", map.keySet()));
        }
        return value;
    }

    /** A name that the contract does not declare was asked for. */
    public static final class UnknownNameException extends dev.accord.core.failure.InvalidRequestException {
        public UnknownNameException(String message) {
            super(message);
        }

        @Override
        public String reasonCode() {
            return "UNKNOWN_NAME";
        }
    }
}
