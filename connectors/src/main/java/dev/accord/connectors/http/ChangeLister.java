package dev.accord.connectors.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.connectors.SourceCursor;
import dev.accord.connectors.SourcePage;
import dev.accord.connectors.SourceRow;
import dev.accord.core.contract.HttpMapping;
import dev.accord.core.contract.HttpMapping.PagingStyle;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an API's change feed after a position. Every read asks for records changed at or after the
 * position's cursor value ({@code since}), in the API's (cursor, key) order, and skips those at or before
 * the position itself, so the position needs no server-side state and survives any pause. Pages are followed
 * (by token, page number or {@code Link} header) while they bring nothing new (a run of records sharing one
 * cursor value) and, for token and {@code Link} paging, until {@code limit} records are collected; with page
 * numbers a read stops after the first page that brought something, as numbered pages shift when records
 * change between requests.
 */
final class ChangeLister {

    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]*)>\\s*;[^,]*rel=\"?next\"?");

    private final ApiClient api;
    private final JsonRecords records;
    private final HttpMapping http;
    private final String endpoint;
    private final Positions positions;
    private volatile SourceCursor newestSeen = SourceCursor.BEGINNING;

    ChangeLister(ApiClient api, JsonRecords records, Positions positions) {
        this.api = api;
        this.records = records;
        this.http = records.http();
        this.endpoint = records.mapping().endpoint();
        this.positions = positions;
    }

    SourcePage read(SourceCursor after, int limit) {
        List<SourceRow> rows = new ArrayList<>();
        List<SourceCursor> read = new ArrayList<>();
        boolean[] more = {false};
        walk(after.isBeginning() ? null : after.position(), Math.min(limit, http.paging().size()), (record, hasNext) -> {
            String cursor = records.cursor(record);
            String key = records.key(record);
            if (cursor != null && key != null && (after.isBeginning() || positions.isAfter(cursor, key, after.position(), after.key()))) {
                if (rows.size() == limit) {
                    more[0] = true;
                    return true;
                }
                rows.add(records.sourceRow(record));
                read.add(new SourceCursor(cursor, key));
                remember(cursor, key);
            }
            more[0] = hasNext;
            return false;
        }, () -> rows.size() >= limit || (!rows.isEmpty() && http.paging().style() == PagingStyle.PAGE));
        SourceCursor next = read.isEmpty() ? after : read.get(read.size() - 1);
        return new SourcePage(rows, next, more[0] || rows.size() == limit);
    }

    /** Every record the feed lists, from the start (for key ranges and head). */
    List<JsonNode> all() {
        List<JsonNode> all = new ArrayList<>();
        walk(null, http.paging().size(), (record, hasNext) -> {
            all.add(record);
            return false;
        }, () -> false);
        return all;
    }

    SourceCursor newestSeen() {
        return newestSeen;
    }

    interface Visitor {
        /** @return true to stop reading */
        boolean visit(JsonNode record, boolean morePages);
    }

    private void walk(String since, int size, Visitor visitor, BooleanSupplier stopAfterPage) {
        URI url = api.url(endpoint + "?" + param(http.paging().sizeParam(), Integer.toString(size))
                + (since != null && http.since() != null ? "&" + param(http.since(), since) : ""));
        int pageNumber = 1;
        URI request = http.paging().style() == PagingStyle.PAGE ? withPage(url, pageNumber) : url;
        while (request != null) {
            ApiResponse response = api.get(request).requireOk();
            List<JsonNode> list = records.list(response);
            URI next = next(response, url, list.size(), size, ++pageNumber);
            for (JsonNode record : list) {
                if (visitor.visit(record, next != null)) {
                    return;
                }
            }
            if (stopAfterPage.getAsBoolean()) {
                return;
            }
            request = next;
        }
    }

    private URI next(ApiResponse response, URI first, int received, int size, int nextPage) {
        return switch (http.paging().style()) {
            case PAGE -> received < size ? null : withPage(first, nextPage);
            case LINK -> {
                String link = response.header("Link");
                Matcher m = link == null ? null : NEXT_LINK.matcher(link);
                yield m != null && m.find() ? first.resolve(m.group(1)) : null;
            }
            case CURSOR -> {
                JsonNode token = response.json();
                for (String part : http.paging().nextCursor().split("\\.")) {
                    token = token.path(part);
                }
                yield token.isMissingNode() || token.isNull() || token.asText().isEmpty() || received == 0
                        ? null : URI.create(first + "&" + param(http.paging().cursorParam(), token.asText()));
            }
        };
    }

    private URI withPage(URI url, int page) {
        return URI.create(url + "&" + param(http.paging().pageParam(), Integer.toString(page)));
    }

    private static String param(String name, String value) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private void remember(String cursor, String key) {
        SourceCursor seen = newestSeen;
        if (seen.isBeginning() || positions.isAfter(cursor, key, seen.position(), seen.key())) {
            newestSeen = new SourceCursor(cursor, key);
        }
    }
}
