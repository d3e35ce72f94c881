package dev.accord.engine;

import dev.accord.connectors.ConnectorFactory;
import dev.accord.connectors.SourceConnector;
import dev.accord.connectors.TargetConnector;
import dev.accord.core.contract.DomainMapping;
import dev.accord.core.contract.MatchRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's connectors: targets that keep their own ids are reached through {@link LinkedTarget}, so the engine's
 * services speak canonical ids to every target; sources are as they are (their rows carry local ids, which the hub
 * links).
 */
final class LinkedConnectors implements ConnectorFactory {

    private final ConnectorFactory connectors;
    private final CompiledContract compiled;
    private final Identities identities;

    private LinkedConnectors(ConnectorFactory connectors, CompiledContract compiled, Identities identities) {
        this.connectors = connectors;
        this.compiled = compiled;
        this.identities = identities;
    }

    /** {@code connectors} with identity translation for the targets that need it (once: wrapping twice changes nothing). */
    static ConnectorFactory over(ConnectorFactory connectors, CompiledContract compiled, Identities identities) {
        return connectors instanceof LinkedConnectors ? connectors : new LinkedConnectors(connectors, compiled, identities);
    }

    @Override
    public SourceConnector source(String system, String domain) {
        return connectors.source(system, domain);
    }

    @Override
    public TargetConnector target(String system, String domain) {
        TargetConnector target = connectors.target(system, domain);
        DomainMapping mapping = compiled.contract().mapping(system, domain);
        return mapping.ownsIds() ? new LinkedTarget(target, identities, system, domain, mapping.localKey().assigned(),
                matchColumns(mapping, compiled.contract().domain(domain).identity().match())) : target;
    }

    /** Per match rule whose fields the system all maps, each field's local column, in rule order. */
    private static List<Map<String, String>> matchColumns(DomainMapping mapping, List<MatchRule> rules) {
        List<Map<String, String>> columns = new ArrayList<>();
        for (MatchRule rule : rules) {
            if (rule.fields().stream().allMatch(mapping::maps)) {
                Map<String, String> byField = new LinkedHashMap<>();
                rule.fields().forEach(f -> byField.put(f, mapping.fields().get(f).column()));
                columns.add(byField);
            }
        }
        return columns;
    }
}
