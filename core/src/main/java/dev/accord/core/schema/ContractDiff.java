package dev.accord.core.schema;

import dev.accord.core.contract.Contract;
import dev.accord.core.contract.DomainSpec;
import dev.accord.core.contract.FieldSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code accord contract diff}: what changed between two contracts, domain by domain and field by field — the
 * rules (owner, merge, required, allowed, …), the schema (with each change's compatibility rule), and which
 * systems map and read each field.
 */
public final class ContractDiff {

    /**
     * One changed aspect.
     *
     * @param field null for a change to the domain as a whole
     * @param before the old value, null when added
     * @param after the new value, null when removed
     */
    public record Entry(String domain, String field, String aspect, String before, String after) {

        public String render() {
            String where = field == null ? domain : domain + "." + field;
            String change = "schema".equals(aspect) ? after : before == null ? "added: " + after : after == null ? "removed (was " + before + ")" : before + " → " + after;
            return String.format("%-28s %-22s %s", where, aspect, change);
        }
    }

    private static final Map<String, Function<FieldSpec, Object>> RULES = new LinkedHashMap<>();

    static {
        RULES.put("type", FieldSpec::type);
        RULES.put("owner", FieldSpec::owner);
        RULES.put("merge", f -> f.merge().spelling());
        RULES.put("priority", FieldSpec::priority);
        RULES.put("writers", FieldSpec::writers);
        RULES.put("required", FieldSpec::required);
        RULES.put("required-from", FieldSpec::requiredFrom);
        RULES.put("allowed", FieldSpec::allowed);
        RULES.put("references", FieldSpec::references);
        RULES.put("on-missing-reference", f -> f.onMissingReference() == null ? null : f.onMissingReference().spelling());
        RULES.put("format-characters", f -> f.formatCharacters() == null ? null : f.formatCharacters().spelling());
        RULES.put("pii", FieldSpec::pii);
        RULES.put("steward", FieldSpec::steward);
        RULES.put("unit", FieldSpec::unit);
        RULES.put("description", FieldSpec::description);
    }

    private ContractDiff() {}

    public static List<Entry> between(Contract previous, Contract current) {
        List<Entry> entries = new ArrayList<>();
        Set<String> domains = new LinkedHashSet<>(previous.domains().keySet());
        domains.addAll(current.domains().keySet());
        for (String name : domains) {
            DomainSpec old = previous.domains().get(name);
            DomainSpec now = current.domains().get(name);
            if (old == null || now == null) {
                entries.add(new Entry(name, null, "domain", old == null ? null : "schema version " + old.schema().version(),
                        now == null ? null : "schema version " + now.schema().version()));
                continue;
            }
            add(entries, name, null, "key", old.key(), now.key());
            add(entries, name, null, "compatibility", old.compatibility(), now.compatibility());
            add(entries, name, null, "schema version", old.schema().version(), now.schema().version());
            add(entries, name, null, "lifecycle.delete", old.lifecycle().delete(), now.lifecycle().delete());
            add(entries, name, null, "lifecycle.resurrect", old.lifecycle().resurrect(), now.lifecycle().resurrect());
            fields(entries, previous, current, old, now);
        }
        return entries;
    }

    private static void fields(List<Entry> entries, Contract previous, Contract current, DomainSpec old, DomainSpec now) {
        List<SchemaChange> schemaChanges = SchemaDiff.between(old.schema().schema(), now.schema().schema());
        Set<String> names = new LinkedHashSet<>(old.fields().keySet());
        names.addAll(now.fields().keySet());
        schemaChanges.stream().filter(c -> names.stream().noneMatch(field -> concerns(c, field)))
                .forEach(c -> entries.add(new Entry(now.name(), null, "schema", null, c.detail() + " [" + c.rule() + "]")));
        for (String field : names) {
            FieldSpec before = old.fields().get(field);
            FieldSpec after = now.fields().get(field);
            if (before == null || after == null) {
                entries.add(new Entry(now.name(), field, "field", before == null ? null : describe(before), after == null ? null : describe(after)));
            } else {
                RULES.forEach((aspect, rule) -> add(entries, now.name(), field, aspect, rule.apply(before), rule.apply(after)));
            }
            schemaChanges.stream().filter(c -> concerns(c, field))
                    .filter(c -> before != null && after != null)
                    .forEach(c -> entries.add(new Entry(now.name(), field, "schema", null, c.detail() + " [" + c.rule() + "]")));
            add(entries, now.name(), field, "mapped by", systems(previous, old.name(), field, false), systems(current, now.name(), field, false));
            add(entries, now.name(), field, "read by", systems(previous, old.name(), field, true), systems(current, now.name(), field, true));
        }
    }

    /** A change at the field's path or below it ({@code $.tags}, {@code $.tags[*]}, {@code $.address.zip}, {@code $.x{contains}}). */
    private static boolean concerns(SchemaChange change, String field) {
        String prefix = "$." + field;
        String path = change.path();
        return path.equals(prefix) || path.startsWith(prefix + ".") || path.startsWith(prefix + "[") || path.startsWith(prefix + "{");
    }

    private static List<String> systems(Contract contract, String domain, String field, boolean reads) {
        return contract.systems().values().stream()
                .filter(s -> s.domain(domain).map(m -> reads ? m.reads().containsKey(field) : m.maps(field)).orElse(false))
                .map(s -> s.name()).toList();
    }

    private static String describe(FieldSpec field) {
        return field.type().name().toLowerCase(java.util.Locale.ROOT) + ", owner " + field.owner() + ", " + field.merge().spelling();
    }

    private static void add(List<Entry> entries, String domain, String field, String aspect, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            entries.add(new Entry(domain, field, aspect, text(before), text(after)));
        }
    }

    private static String text(Object value) {
        if (value == null || value instanceof List<?> list && list.isEmpty()) {
            return null;
        }
        return value instanceof List<?> list ? String.join(", ", list.stream().map(String::valueOf).toList()) : String.valueOf(value);
    }

    /** One line per change, or a single line saying there is none. */
    public static String render(List<Entry> entries) {
        if (entries.isEmpty()) {
            return "no changes\n";
        }
        StringBuilder text = new StringBuilder();
        entries.forEach(e -> text.append(e.render()).append('\n'));
        return text.toString();
    }
}
