package dev.accord.core.schema;

import dev.accord.core.contract.ConsumerRead;
import dev.accord.core.contract.Contract;
import dev.accord.core.contract.DomainSpec;
import dev.accord.core.contract.SystemSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whether a contract may replace an earlier one (a previous contract file, or the schema versions in the
 * registry): per domain, the schema must keep the domain's compatibility mode against the earlier version(s),
 * a changed schema must carry a higher version, and no change may break what a target declared it reads.
 */
public final class ContractCheck {

    private ContractCheck() {}

    public static CheckReport against(Contract previous, Contract current, String against) {
        List<Finding> breaking = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (DomainSpec old : previous.domains().values()) {
            if (!current.domains().containsKey(old.name()) && old.compatibility() != CompatibilityMode.NONE) {
                breaking.add(new Finding(old.name(), "$", "DOMAIN_REMOVED", "the domain is gone from the contract"));
            }
        }
        for (DomainSpec domain : current.domains().values()) {
            DomainSpec old = previous.domains().get(domain.name());
            if (old == null) {
                notes.add(domain.name() + ": new domain, schema version " + domain.schema().version());
                continue;
            }
            schemaRules(domain, List.of(new VersionedSchema(old.schema().version(), old.schema().schema())), breaking, changes, notes);
            consumers(domain.name(), readers(previous, current, domain.name()), f -> FieldFacts.of(old, f), f -> FieldFacts.of(domain, f), breaking);
        }
        return new CheckReport(against, breaking, changes, notes);
    }

    /** @param registered every registered version per domain */
    public static CheckReport againstRegistry(Map<String, List<VersionedSchema>> registered, Contract current) {
        List<Finding> breaking = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (DomainSpec domain : current.domains().values()) {
            List<VersionedSchema> versions = registered.getOrDefault(domain.name(), List.of());
            int version = domain.schema().version();
            Optional<VersionedSchema> same = versions.stream().filter(v -> v.version() == version).findFirst();
            if (same.isPresent()) {
                if (!same.get().schema().equals(domain.schema().schema())) {
                    breaking.add(new Finding(domain.name(), "$", "SCHEMA_VERSION_REUSED", "version " + version
                            + " is registered with other content; a registered version never changes, so give this schema version "
                            + (latest(versions) + 1)));
                } else {
                    notes.add(domain.name() + ": schema version " + version + " is registered as it is");
                }
            }
            List<VersionedSchema> earlier = versions.stream().filter(v -> v.version() < version).toList();
            if (versions.isEmpty()) {
                notes.add(domain.name() + ": no version registered yet; version " + version + " would be the first");
            } else if (same.isEmpty()) {
                schemaRules(domain, earlier, breaking, changes, notes);
                if (version < latest(versions)) {
                    breaking.add(new Finding(domain.name(), "$", "SCHEMA_VERSION_NOT_BUMPED", "version " + version
                            + " is older than the registered version " + latest(versions)));
                }
            }
            earlier.stream().max(Comparator.comparingInt(VersionedSchema::version)).ifPresent(last ->
                    consumers(domain.name(), readers(current, current, domain.name()), f -> FieldFacts.of(last.schema(), f),
                            f -> FieldFacts.of(domain, f), breaking));
        }
        return new CheckReport("the schema registry", breaking, changes, notes);
    }

    private static void schemaRules(DomainSpec domain, List<VersionedSchema> earlier, List<Finding> breaking, List<String> changes,
                                    List<String> notes) {
        if (earlier.isEmpty()) {
            return;
        }
        VersionedSchema latest = earlier.stream().max(Comparator.comparingInt(VersionedSchema::version)).orElseThrow();
        boolean changed = !latest.schema().equals(domain.schema().schema());
        if (changed && domain.schema().version() <= latest.version()) {
            breaking.add(new Finding(domain.name(), "$", "SCHEMA_VERSION_NOT_BUMPED", "the schema changed but its version is still "
                    + domain.schema().version() + "; give it version " + (latest.version() + 1)));
        }
        if (!changed) {
            return;
        }
        List<VersionedSchema> inScope = domain.compatibility().transitive() ? earlier : List.of(latest);
        for (VersionedSchema previous : inScope) {
            for (SchemaChange change : SchemaDiff.between(previous.schema(), domain.schema().schema())) {
                changes.add(domain.name() + " " + change.path() + ": " + change.rule() + " (" + change.detail() + ") against version "
                        + previous.version() + ": " + verdicts(change));
            }
        }
        for (Incompatibility incompatibility : Compatibility.check(domain.compatibility(), earlier, domain.schema().schema())) {
            breaking.add(new Finding(domain.name(), incompatibility.change().path(),
                    incompatibility.change().rule() + " (" + incompatibility.direction() + ")", incompatibility.consequence()));
        }
        notes.add(domain.name() + ": schema " + latest.version() + " → " + domain.schema().version() + " checked under "
                + domain.compatibility() + (domain.compatibility().transitive() ? " against versions " + earlier.stream()
                .map(v -> String.valueOf(v.version())).toList() : ""));
    }

    /** {@code BACKWARD ok, FORWARD breaks, FULL breaks}. */
    private static String verdicts(SchemaChange change) {
        return "BACKWARD " + verdict(change.backwardSafe()) + ", FORWARD " + verdict(change.forwardSafe()) + ", FULL "
                + verdict(change.backwardSafe() && change.forwardSafe());
    }

    private static String verdict(boolean safe) {
        return safe ? "ok" : "breaks";
    }

    private static void consumers(String domain, Map<String, List<ConsumerRead>> readers, Function<String, Optional<FieldFacts>> before,
                                  Function<String, Optional<FieldFacts>> after, List<Finding> breaking) {
        readers.forEach((system, reads) -> reads.forEach(read -> ConsumerCheck.check(domain, system, read, before, after).stream()
                .filter(f -> !breaking.contains(f)).forEach(breaking::add)));
    }

    /** The consumers' declarations: what they relied on before, and what they declare now. */
    private static Map<String, List<ConsumerRead>> readers(Contract previous, Contract current, String domain) {
        Map<String, List<ConsumerRead>> readers = new LinkedHashMap<>();
        for (Contract contract : previous == current ? List.of(current) : List.of(previous, current)) {
            for (SystemSpec system : contract.systems().values()) {
                system.domain(domain).ifPresent(m -> readers.computeIfAbsent(system.name(), s -> new ArrayList<>()).addAll(m.reads().values()));
            }
        }
        return readers;
    }

    private static int latest(List<VersionedSchema> versions) {
        return versions.stream().mapToInt(VersionedSchema::version).max().orElse(0);
    }
}
