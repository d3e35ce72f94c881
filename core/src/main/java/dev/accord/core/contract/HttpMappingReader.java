package dev.accord.core.contract;

import dev.accord.core.contract.HttpMapping.Concurrency;
import dev.accord.core.contract.HttpMapping.Create;
import dev.accord.core.contract.HttpMapping.Paging;
import dev.accord.core.contract.HttpMapping.PagingStyle;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reads the {@code http} settings of an http system's domain mapping, with a default for every key left out. */
final class HttpMappingReader {

    private static final Set<String> KEYS = Set.of("records", "since", "paging", "by-keys", "item", "etag-field", "create", "concurrency");
    private static final Set<String> PAGING_KEYS = Set.of("style", "size-param", "size", "page-param", "cursor-param", "next-cursor");
    private static final Set<String> BY_KEYS_KEYS = Set.of("param", "max");
    private static final Pattern DOT_PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*(\\.[A-Za-z_][A-Za-z0-9_-]*)*");
    private static final Pattern PARAM = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\[\\]-]*");
    static final Paging DEFAULT_PAGING = new Paging(PagingStyle.LINK, "limit", 100, "page", "cursor", null);

    private HttpMappingReader() {}

    /** The defaults: body is the list, Link-header paging, one GET per key, PUT to create, If-Match on the ETag. */
    static HttpMapping defaults(String endpoint) {
        return new HttpMapping(null, null, DEFAULT_PAGING, null, 50, itemPath(endpoint), null, Create.PUT, Concurrency.ETAG);
    }

    static HttpMapping read(YamlNode node, String endpoint, String versionColumn) {
        Map<String, YamlNode> entries = node.fields("the http settings", KEYS);
        HttpMapping defaults = defaults(endpoint);
        Paging paging = entries.containsKey("paging") ? paging(entries.get("paging")) : DEFAULT_PAGING;
        String byKeys = null;
        int perRequest = defaults.keysPerRequest();
        if (entries.containsKey("by-keys")) {
            Map<String, YamlNode> by = entries.get("by-keys").fields("the by-keys request", BY_KEYS_KEYS);
            byKeys = param(by.get("param"));
            if (byKeys == null) {
                entries.get("by-keys").problem("missing key 'param'", "name the query parameter that takes a comma-separated list of keys, e.g. ids");
            }
            perRequest = by.containsKey("max") ? positive(by.get("max"), perRequest, 1000) : perRequest;
        }
        String item = entries.containsKey("item") ? item(entries.get("item")) : defaults.item();
        Concurrency concurrency = choice(entries.get("concurrency"), Concurrency.class, Concurrency.ETAG, "a concurrency check");
        if (concurrency == Concurrency.VERSION_FIELD && versionColumn == null) {
            entries.get("concurrency").problem("concurrency 'version-field' needs a 'version-column'",
                    "name the record property that holds its version, e.g. version-column: version");
        }
        return new HttpMapping(path(entries.get("records")), param(entries.get("since")), paging, byKeys, perRequest, item,
                property(entries.get("etag-field")), choice(entries.get("create"), Create.class, Create.PUT, "a create method"), concurrency);
    }

    private static Paging paging(YamlNode node) {
        Map<String, YamlNode> entries = node.fields("the paging settings", PAGING_KEYS);
        PagingStyle style = choice(entries.get("style"), PagingStyle.class, DEFAULT_PAGING.style(), "a paging style");
        String next = path(entries.get("next-cursor"));
        if (style == PagingStyle.CURSOR && next == null) {
            node.problem("paging style 'cursor' needs 'next-cursor'", "give the dot path of the next-page token in a response, e.g. meta.next_cursor");
        }
        return new Paging(style,
                Optional.ofNullable(param(entries.get("size-param"))).orElse(DEFAULT_PAGING.sizeParam()),
                entries.containsKey("size") ? positive(entries.get("size"), DEFAULT_PAGING.size(), 10_000) : DEFAULT_PAGING.size(),
                Optional.ofNullable(param(entries.get("page-param"))).orElse(DEFAULT_PAGING.pageParam()),
                Optional.ofNullable(param(entries.get("cursor-param"))).orElse(DEFAULT_PAGING.cursorParam()),
                next);
    }

    static String itemPath(String endpoint) {
        return endpoint == null ? null : endpoint.replaceAll("/+$", "") + "/{key}";
    }

    private static String item(YamlNode node) {
        String text = node.isNull() ? null : node.text("a path");
        if (text == null || !text.contains("{key}") || !text.startsWith("/")) {
            node.problem("item path '" + text + "' must start with '/' and contain {key}", "for example /customers/{key}");
        }
        return text;
    }

    private static String path(YamlNode node) {
        String text = node == null || node.isNull() ? null : node.text("a dot path");
        if (text != null && !DOT_PATH.matcher(text).matches()) {
            node.problem("'" + text + "' is not a dot path", "write property names separated by dots, e.g. meta.next_cursor");
            return null;
        }
        return text;
    }

    private static String param(YamlNode node) {
        String text = node == null || node.isNull() ? null : node.text("a query parameter");
        if (text != null && !PARAM.matcher(text).matches()) {
            node.problem("'" + text + "' is not a query parameter name", "use letters, digits, '_', '-', '.' or brackets, e.g. updated_since");
            return null;
        }
        return text;
    }

    private static String property(YamlNode node) {
        String text = node == null || node.isNull() ? null : node.text("a property name");
        if (text != null && !Identifiers.isSqlIdentifier(text)) {
            node.problem("unsafe property name '" + text + "'", Identifiers.SQL_HINT);
            return null;
        }
        return text;
    }

    private static int positive(YamlNode node, int fallback, int max) {
        int value = node.integer("a whole number").orElse(fallback);
        if (value < 1 || value > max) {
            node.problem(value + " is out of range", "use a number from 1 to " + max);
            return fallback;
        }
        return value;
    }

    /** An enum constant by its spelling in the contract: lower case with '-' for '_'. */
    static <E extends Enum<E>> E choice(YamlNode node, Class<E> type, E fallback, String expected) {
        if (node == null) {
            return fallback;
        }
        String text = node.text(expected);
        for (E constant : type.getEnumConstants()) {
            if (spelling(constant).equals(text)) {
                return constant;
            }
        }
        var spellings = Arrays.stream(type.getEnumConstants()).map(HttpMappingReader::spelling).collect(Collectors.toList());
        node.problem("unknown " + expected.replaceFirst("^an? ", "") + " '" + text + "'", Suggestions.hint(String.valueOf(text), spellings));
        return fallback;
    }

    static String spelling(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
