package dev.accord.demodesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/** One request to the desk and its answer: query, headers and JSON body in; JSON, ETag and Link headers out. */
final class DeskExchange {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpExchange exchange;
    private final DeskFaults faults;
    private final IntConsumer statuses;
    private final Map<String, String> query = new HashMap<>();
    private ObjectNode body;

    DeskExchange(HttpExchange exchange, DeskFaults faults, IntConsumer statuses) {
        this.exchange = exchange;
        this.faults = faults;
        this.statuses = statuses;
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
                }
            }
        }
    }

    String query(String name) {
        return query.get(name);
    }

    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    ObjectNode body() throws IOException {
        if (body == null) {
            JsonNode node;
            try {
                node = JSON.readTree(exchange.getRequestBody());
            } catch (IOException e) {
                throw new IllegalArgumentException("the body is not JSON: " + e.getMessage());
            }
            if (!(node instanceof ObjectNode object)) {
                throw new IllegalArgumentException("the body must be a JSON object");
            }
            body = object;
        }
        return body;
    }

    /** The version an {@code If-Match: "7"} asks for; null without the header or for {@code *}. */
    Long expectedVersion() {
        String ifMatch = header("If-Match");
        if (ifMatch == null || ifMatch.equals("*")) {
            return null;
        }
        String digits = ifMatch.replace("W/", "").replace("\"", "").trim();
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    /** Sets a header of the answer. */
    DeskExchange responseHeader(String name, String value) {
        exchange.getResponseHeaders().set(name, value);
        return this;
    }

    /** The URL of one contact, as a {@code Location} header gives it. */
    String location(String id) {
        String host = header("Host");
        return "http://" + (host == null ? "127.0.0.1" : host) + SupportDesk.CONTACTS + "/" + encode(id).replace("+", "%20");
    }

    DeskExchange retryAfter(int seconds) {
        if (seconds > 0) {
            exchange.getResponseHeaders().set("Retry-After", Integer.toString(seconds));
        }
        return this;
    }

    void contact(int status, ObjectNode contact) {
        ObjectNode shown = withEtag(contact);
        exchange.getResponseHeaders().set("ETag", Contacts.etag(contact));
        json(status, shown);
    }

    void page(List<ObjectNode> contacts, String nextCursor, String link) {
        ObjectNode page = JSON.createObjectNode();
        ArrayNode data = page.putArray("data");
        contacts.forEach(c -> data.add(withEtag(c)));
        page.putObject("meta").put("next_cursor", nextCursor);
        if (link != null) {
            exchange.getResponseHeaders().set("Link", link);
        }
        json(200, page);
    }

    void error(int status, String message) {
        ObjectNode error = JSON.createObjectNode();
        error.putObject("error").put("status", status).put("message", message);
        json(status, error);
    }

    void empty(int status) {
        statuses.accept(status);
        try {
            exchange.sendResponseHeaders(status, -1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String nextLink(String since, int limit, String cursor) {
        String host = header("Host");
        String url = "http://" + (host == null ? "127.0.0.1" : host) + SupportDesk.CONTACTS + "?limit=" + limit
                + (since == null ? "" : "&updated_since=" + encode(since)) + "&cursor=" + encode(cursor);
        return "<" + url + ">; rel=\"next\"";
    }

    static String cursorAfter(ObjectNode contact) {
        String position = contact.get("updated_at").asText() + "|" + contact.get("id").asText();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    static String[] unwrapCursor(String cursor) {
        String position = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        int bar = position.indexOf('|');
        if (bar < 0) {
            throw new IllegalArgumentException("not a cursor of this API: " + cursor);
        }
        return new String[] {position.substring(0, bar), position.substring(bar + 1)};
    }

    static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static ObjectNode withEtag(ObjectNode contact) {
        ObjectNode shown = contact.deepCopy();
        shown.put("etag", Contacts.etag(contact));
        return shown;
    }

    private void json(int status, JsonNode document) {
        statuses.accept(status);
        try {
            byte[] bytes = JSON.writeValueAsBytes(document);
            if (faults.nextMalformed()) {
                bytes = java.util.Arrays.copyOf(bytes, bytes.length / 2);
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
