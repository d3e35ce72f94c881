package dev.accord.core.contract;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads how one system stores one domain: location, cursor, compare-and-set column and field mapping. */
final class MappingReader {

    private static final Set<String> MAPPING_KEYS = Set.of("table", "endpoint", "path", "cursor", "outbox",
            "version-column", "delete", "soft-delete-column", "fields", "http", "file", "reads", "schema-version", "key");
    private static final Set<String> OUTBOX_KEYS = Set.of("table", "sequence", "key-column", "operation-column");
    private static final Set<String> KEY_KEYS = Set.of("column", "assigned", "external-id", "authority");
    private static final Set<String> FIELD_MAPPING_KEYS = Set.of("column", "values", "factor", "timezone", "round", "round-to");

    private final Map<String, DomainSpec> domains;

    MappingReader(Map<String, DomainSpec> domains) {
        this.domains = domains;
    }

    DomainMapping read(String domainName, YamlNode node, SystemKind kind) {
        DomainSpec domain = domains.get(domainName);
        if (domain == null) {
            node.problem("unknown domain '" + domainName + "'", Suggestions.hint(domainName, domains.keySet()));
        }
        Map<String, YamlNode> entries = node.fields("a domain mapping", MAPPING_KEYS);
        String table = table(entries.get("table"));
        if (kind.isJdbc() && table == null) {
            node.problem("missing key 'table'", "a " + kind.spelling() + " system stores a domain in a table");
        }
        String endpoint = plain(entries.get("endpoint"));
        if (kind == SystemKind.HTTP && endpoint == null) {
            node.problem("missing key 'endpoint'", "an http system serves a domain at a path such as /customers");
        } else if (endpoint != null && !endpoint.startsWith("/")) {
            entries.get("endpoint").problem("endpoint '" + endpoint + "' must start with '/'", "a path below the base URL, e.g. /customers");
        }
        String path = plain(entries.get("path"));
        if (kind == SystemKind.FILE && path == null) {
            node.problem("missing key 'path'", "a file system reads or writes a domain at a file or folder path");
        }
        DomainMapping.Outbox outbox = entries.containsKey("outbox") ? outbox(entries.get("outbox")) : null;
        DeleteMode delete = deleteMode(entries.get("delete"));
        String softDeleteColumn = column(entries.get("soft-delete-column"));
        if (delete == DeleteMode.SOFT && softDeleteColumn == null) {
            node.problem("delete 'soft' needs a 'soft-delete-column'", "name the timestamp column (or property) that marks a record deleted, e.g. deleted_at");
        }
        Map<String, FieldMapping> fields = new LinkedHashMap<>();
        if (entries.containsKey("fields")) {
            entries.get("fields").entries("the field mapping").forEach((field, fieldNode) -> {
                if (domain != null && domain.field(field).isEmpty()) {
                    fieldNode.problem("domain '" + domainName + "' has no field '" + field + "'",
                            Suggestions.hint(field, domain.fields().keySet()));
                }
                fields.put(field, field(field, fieldNode));
            });
        } else {
            node.problem("missing key 'fields'", "map each canonical field this system stores to its local column");
        }
        LocalKey localKey = entries.containsKey("key") ? localKey(entries.get("key"), kind) : null;
        if (localKey == null && domain != null && domain.key() != null && entries.containsKey("fields") && !fields.containsKey(domain.key())) {
            entries.get("fields").problem("the domain's key field '" + domain.key() + "' is not mapped",
                    "map " + domain.key() + " to the local column that stores Accord's id, or name the system's own id column"
                            + " with 'key: <column>' (Accord then links its ids through the cross-reference)");
        }
        String versionColumn = column(entries.get("version-column"));
        return new DomainMapping(domainName, table, endpoint, path, column(entries.get("cursor")), outbox,
                versionColumn, delete, softDeleteColumn, fields, http(entries, kind, endpoint, versionColumn),
                file(entries, kind, path),
                entries.containsKey("reads") ? ReadsReader.read(entries.get("reads"), domain, fields) : Map.of(),
                schemaVersion(entries.get("schema-version"), domain), localKey);
    }

    /** {@code key: <column>}, or {@code key: {column, assigned, external-id, authority}}: the system's own ids. */
    private static LocalKey localKey(YamlNode node, SystemKind kind) {
        if (!node.raw().getNodeId().name().equals("mapping")) {
            String column = column(node);
            if (column == null) {
                node.problem("key names no column", "write key: <the system's own id column>, or leave key out");
            }
            return column == null ? null : new LocalKey(column, false, null, false);
        }
        Map<String, YamlNode> entries = node.fields("the system's own key", KEY_KEYS);
        String column = column(entries.get("column"));
        if (column == null) {
            node.problem("missing key 'column'", "name the column (or property) that holds the system's own ids");
            return null;
        }
        boolean assigned = flag(entries.get("assigned"), "whether the system assigns its ids");
        String externalId = column(entries.get("external-id"));
        if (assigned && kind == SystemKind.FILE) {
            entries.get("assigned").problem("a file system cannot assign ids", "leave assigned out: records Accord writes to a file"
                    + " carry the canonical id as their key");
        }
        if (assigned && kind.isJdbc() && externalId == null) {
            entries.get("assigned").problem("a database that assigns its own ids needs an 'external-id' column",
                    "name the column where Accord keeps its canonical id (e.g. external-id: accord_id): it is how a row"
                            + " Accord inserted just before a crash is found again instead of inserted twice");
        }
        return new LocalKey(column, assigned, externalId, flag(entries.get("authority"), "whether this system's ids are the canonical ids"));
    }

    private static boolean flag(YamlNode node, String what) {
        return node != null && node.bool(what).orElse(false);
    }

    private static HttpMapping http(Map<String, YamlNode> entries, SystemKind kind, String endpoint, String versionColumn) {
        YamlNode node = entries.get("http");
        if (node != null && kind != SystemKind.HTTP) {
            node.problem("'http' settings only apply to systems of kind http", "remove them, or set the system's kind: http");
            return null;
        }
        if (kind != SystemKind.HTTP) {
            return null;
        }
        return node == null ? HttpMappingReader.defaults(endpoint) : HttpMappingReader.read(node, endpoint, versionColumn);
    }

    private static FileMapping file(Map<String, YamlNode> entries, SystemKind kind, String path) {
        YamlNode node = entries.get("file");
        if (node != null && kind != SystemKind.FILE) {
            node.problem("'file' settings only apply to systems of kind file", "remove them, or set the system's kind: file");
            return null;
        }
        if (kind != SystemKind.FILE) {
            return null;
        }
        return node == null ? FileMappingReader.defaults(FileMappingReader.byExtension(path)) : FileMappingReader.read(node, path);
    }

    private FieldMapping field(String field, YamlNode node) {
        if (!node.raw().getNodeId().name().equals("mapping")) {
            if (node.isNull()) {
                node.problem("field '" + field + "' is mapped to no column", "write " + field + ": <local column>");
            }
            return new FieldMapping(field, column(node), Map.of(), null, null);
        }
        Map<String, YamlNode> entries = node.fields("a field mapping", FIELD_MAPPING_KEYS);
        String column = entries.containsKey("column") ? column(entries.get("column")) : null;
        if (!entries.containsKey("column")) {
            node.problem("missing key 'column'", "name the local column that stores this field");
        }
        Map<String, String> values = new LinkedHashMap<>();
        if (entries.containsKey("values")) {
            entries.get("values").entries("local value to canonical value").forEach((local, canonical) ->
                    values.put(local, canonical.text("a canonical value")));
        }
        BigDecimal factor = entries.containsKey("factor") ? factor(entries.get("factor")) : null;
        ZoneId zone = entries.containsKey("timezone") ? SystemsReader.zone(entries.get("timezone")) : null;
        return new FieldMapping(field, column, values, factor, zone, rounding(node, entries));
    }

    private DomainMapping.Outbox outbox(YamlNode node) {
        Map<String, YamlNode> entries = node.fields("an outbox table", OUTBOX_KEYS);
        String table = table(entries.get("table"));
        String sequence = column(entries.get("sequence"));
        if (table == null || sequence == null) {
            node.problem("an outbox needs 'table' and 'sequence'", "sequence is the monotonic column changes are read by");
        }
        return new DomainMapping.Outbox(table, sequence, column(entries.get("key-column")), column(entries.get("operation-column")));
    }

    /** A producer that lags behind: an earlier version of the domain's schema, never a later one. */
    private static Integer schemaVersion(YamlNode node, DomainSpec domain) {
        if (node == null) {
            return null;
        }
        Integer version = node.integer("a schema version number").orElse(null);
        if (version != null && domain != null && domain.schema() != null && (version < 1 || version > domain.schema().version())) {
            node.problem("schema-version " + version + " is not between 1 and the domain's schema version " + domain.schema().version(),
                    "a producer may lag behind the contract's schema, never run ahead of it");
        }
        return version;
    }

    private static DeleteMode deleteMode(YamlNode node) {
        if (node == null) {
            return DeleteMode.HARD;
        }
        String text = node.text("a delete mode");
        return DeleteMode.parse(text).orElseGet(() -> {
            node.problem("unknown delete mode '" + text + "'", "expected one of: "
                    + Arrays.stream(DeleteMode.values()).map(DeleteMode::spelling).collect(Collectors.joining(", ")));
            return DeleteMode.HARD;
        });
    }

    /** {@code round: <mode>} and optionally {@code round-to: <decimal places>} (default 0: whole local units). */
    private static Rounding rounding(YamlNode mapping, Map<String, YamlNode> entries) {
        YamlNode round = entries.get("round");
        if (round == null) {
            if (entries.containsKey("round-to")) {
                entries.get("round-to").problem("round-to without round", "add 'round: half-even' (or another mode) beside it");
            }
            return null;
        }
        String text = round.text("a rounding mode");
        java.math.RoundingMode mode = Rounding.mode(String.valueOf(text).trim()).orElse(null);
        if (mode == null) {
            round.problem("unknown rounding mode '" + text + "'", "expected one of: " + Rounding.spellings());
            return null;
        }
        int scale = 0;
        if (entries.containsKey("round-to")) {
            scale = entries.get("round-to").integer("decimal places").orElse(0);
            if (scale < 0 || scale > 18) {
                entries.get("round-to").problem("round-to " + scale + " is not between 0 and 18", "the decimal places of the local value");
            }
        }
        return new Rounding(mode, scale);
    }

    private static BigDecimal factor(YamlNode node) {
        String text = node.text("a conversion factor");
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException | NullPointerException e) {
            node.problem("expected a decimal conversion factor, found '" + text + "'", "canonical = local × factor, e.g. 0.01 for cents to euros");
            return null;
        }
    }

    private static String table(YamlNode node) {
        String text = plain(node);
        if (text != null && !Identifiers.isSqlTable(text)) {
            node.problem("unsafe table name '" + text + "'", Identifiers.SQL_HINT + "; one schema prefix is allowed");
        }
        return text;
    }

    private static String column(YamlNode node) {
        String text = plain(node);
        if (text != null && !Identifiers.isSqlIdentifier(text)) {
            node.problem("unsafe column name '" + text + "'", Identifiers.SQL_HINT);
        }
        return text;
    }

    private static String plain(YamlNode node) {
        return node == null || node.isNull() ? null : node.text("a name");
    }
}
