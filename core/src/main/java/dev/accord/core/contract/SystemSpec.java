package dev.accord.core.contract;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * One platform Accord reads from or writes to.
 *
 * @param priority tie-break rank for last-writer-wins: a higher number wins a tie
 * @param timezone zone of local timestamps without an offset
 * @param domains domain name to how this system stores it
 */
public record SystemSpec(
        String name,
        SystemKind kind,
        String description,
        Connection connection,
        int priority,
        ZoneId timezone,
        Map<String, DomainMapping> domains) {

    public SystemSpec {
        domains = Map.copyOf(domains);
    }

    public Optional<DomainMapping> domain(String domain) {
        return Optional.ofNullable(domains.get(domain));
    }
}
