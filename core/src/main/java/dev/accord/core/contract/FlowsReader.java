package dev.accord.core.contract;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the {@code flows} section and checks that each source and target stores the flow's domain. */
final class FlowsReader {

    private static final Set<String> FLOW_KEYS = Set.of("description", "domain", "source", "targets", "mode",
            "poll-interval", "batch-size", "freshness-sla");
    static final int DEFAULT_BATCH_SIZE = 500;
    static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(30);

    private final Map<String, DomainSpec> domains;
    private final Map<String, SystemSpec> systems;

    FlowsReader(Map<String, DomainSpec> domains, Map<String, SystemSpec> systems) {
        this.domains = domains;
        this.systems = systems;
    }

    Map<String, FlowSpec> read(YamlNode section) {
        Map<String, FlowSpec> flows = new LinkedHashMap<>();
        section.entries("the flows").forEach((name, node) -> {
            if (!Identifiers.isName(name)) {
                node.problem("flow name '" + name + "' is not allowed", Identifiers.NAME_HINT);
            }
            flows.put(name, readFlow(name, node));
        });
        return flows;
    }

    private FlowSpec readFlow(String name, YamlNode node) {
        Map<String, YamlNode> entries = node.fields("a flow", FLOW_KEYS);
        if (entries.containsKey("description")) {
            entries.get("description").text("text");
        }
        String domain = DomainsReader.required(node, entries, "domain", "the domain this flow syncs");
        if (domain != null && !domains.containsKey(domain)) {
            entries.get("domain").problem("unknown domain '" + domain + "'", Suggestions.hint(domain, domains.keySet()));
            domain = null;
        }
        String source = DomainsReader.required(node, entries, "source", "the system changes are read from");
        checkStores(entries.get("source"), source, domain);
        List<String> targets = entries.containsKey("targets") ? entries.get("targets").texts("system names") : List.of();
        if (targets.isEmpty()) {
            node.problem("a flow needs at least one target", "add targets: [system-a, system-b]");
        }
        for (String target : targets) {
            checkStores(entries.get("targets"), target, domain);
            checkComparesAndSets(entries.get("targets"), target, domain);
            if (target.equals(source)) {
                entries.get("targets").problem("system '" + target + "' is both source and target of the flow",
                        "a system never syncs into itself; remove it from targets");
            }
        }
        FlowMode mode = entries.containsKey("mode") ? mode(entries.get("mode")) : FlowMode.ONE_SHOT;
        Duration poll = duration(entries.get("poll-interval"), DEFAULT_POLL_INTERVAL);
        Duration sla = duration(entries.get("freshness-sla"), null);
        int batchSize = entries.containsKey("batch-size")
                ? entries.get("batch-size").integer("a page size").orElse(DEFAULT_BATCH_SIZE) : DEFAULT_BATCH_SIZE;
        if (batchSize < 1 || batchSize > 100_000) {
            entries.get("batch-size").problem("batch-size " + batchSize + " is out of range", "use a number from 1 to 100000");
        }
        return new FlowSpec(name, domain, source, targets, mode, poll, batchSize, sla);
    }

    private void checkStores(YamlNode node, String system, String domain) {
        if (system == null || node == null) {
            return;
        }
        SystemSpec spec = systems.get(system);
        if (spec == null) {
            node.problem("unknown system '" + system + "'", Suggestions.hint(system, systems.keySet()));
        } else if (domain != null && spec.domain(domain).isEmpty()) {
            node.problem("system '" + system + "' does not map domain '" + domain + "'",
                    "add domains." + domain + " under systems." + system);
        }
    }

    private void checkComparesAndSets(YamlNode node, String target, String domain) {
        SystemSpec spec = systems.get(target);
        if (spec == null || domain == null || !spec.kind().isJdbc()) {
            return;
        }
        spec.domain(domain).filter(m -> m.versionColumn() == null).ifPresent(m -> node.problem(
                "target '" + target + "' has no version-column for domain '" + domain + "'",
                "Accord writes only with compare-and-set; add version-column: <a bigint column every writer increments>"));
    }

    private static FlowMode mode(YamlNode node) {
        String text = node.text("a flow mode");
        return FlowMode.parse(text).orElseGet(() -> {
            node.problem("unknown mode '" + text + "'", "expected one of: one-shot, continuous");
            return FlowMode.ONE_SHOT;
        });
    }

    private static Duration duration(YamlNode node, Duration fallback) {
        if (node == null) {
            return fallback;
        }
        String text = node.text("a duration");
        return Durations.parse(text).filter(d -> !d.isNegative() && !d.isZero()).orElseGet(() -> {
            node.problem("expected a positive duration, found '" + text + "'", Durations.HINT);
            return fallback;
        });
    }
}
