package dev.accord.core.contract;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reads the {@code systems} section: kind, connection, priority, time zone and domain mappings. */
final class SystemsReader {

    private static final Set<String> SYSTEM_KEYS = Set.of("kind", "description", "connection", "priority", "timezone", "domains");
    private static final java.util.regex.Pattern SECRET_SETTING = java.util.regex.Pattern.compile(
            "(?i).*(password|passwd|secret|token|api[-_]?key|credential|private[-_]?key).*");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final MappingReader mappingReader;

    SystemsReader(Map<String, DomainSpec> domains) {
        this.mappingReader = new MappingReader(domains);
    }

    Map<String, SystemSpec> read(YamlNode section) {
        Map<String, SystemSpec> systems = new LinkedHashMap<>();
        section.entries("the systems").forEach((name, node) -> {
            if (!Identifiers.isName(name)) {
                node.problem("system name '" + name + "' is not allowed", Identifiers.NAME_HINT);
            }
            systems.put(name, readSystem(name, node));
        });
        return systems;
    }

    private SystemSpec readSystem(String name, YamlNode node) {
        Map<String, YamlNode> entries = node.fields("a system", SYSTEM_KEYS);
        SystemKind kind = readKind(node, entries.get("kind"));
        Connection connection = entries.containsKey("connection")
                ? readConnection(entries.get("connection")) : new Connection(Map.of(), Map.of());
        int priority = entries.containsKey("priority")
                ? entries.get("priority").integer("a priority number").orElse(0) : 0;
        ZoneId zone = entries.containsKey("timezone") ? zone(entries.get("timezone")) : ZoneOffset.UTC;
        Map<String, DomainMapping> mappings = new LinkedHashMap<>();
        if (entries.containsKey("domains")) {
            entries.get("domains").entries("the domains this system stores").forEach((domain, mappingNode) ->
                    mappings.put(domain, mappingReader.read(domain, mappingNode, kind)));
        }
        String description = entries.containsKey("description") ? entries.get("description").text("text") : null;
        return new SystemSpec(name, kind, description, connection, priority, zone, mappings);
    }

    private SystemKind readKind(YamlNode system, YamlNode node) {
        var spellings = Arrays.stream(SystemKind.values()).map(SystemKind::spelling).collect(Collectors.toList());
        if (node == null) {
            system.problem("missing key 'kind'", "expected one of: " + String.join(", ", spellings));
            return SystemKind.H2;
        }
        String text = node.text("a system kind");
        return SystemKind.parse(text).orElseGet(() -> {
            node.problem("unknown system kind '" + text + "'", Suggestions.hint(String.valueOf(text), spellings));
            return SystemKind.H2;
        });
    }

    private Connection readConnection(YamlNode node) {
        Map<String, String> inline = new LinkedHashMap<>();
        Map<String, String> env = new LinkedHashMap<>();
        node.entries("the connection settings").forEach((key, value) -> {
            String text = value.text("a setting");
            if (text == null) {
                return;
            }
            if (key.endsWith("-env")) {
                if (!ENV_NAME.matcher(text).matches()) {
                    value.problem("'" + text + "' is not an environment variable name", "use letters, digits and '_', e.g. CRM_DB_PASSWORD");
                }
                env.put(key.substring(0, key.length() - "-env".length()), text);
            } else if (SECRET_SETTING.matcher(key).matches()) {
                value.problem("secrets must not be written in the contract",
                        "put the secret in an environment variable and write " + key + "-env: VARIABLE_NAME");
            } else {
                inline.put(key, text);
            }
        });
        return new Connection(inline, env);
    }

    static ZoneId zone(YamlNode node) {
        String text = node.text("a time zone");
        try {
            return ZoneId.of(text);
        } catch (DateTimeException | NullPointerException e) {
            node.problem("unknown time zone '" + text + "'", "use a region id such as Europe/Berlin or UTC");
            return ZoneOffset.UTC;
        }
    }
}
