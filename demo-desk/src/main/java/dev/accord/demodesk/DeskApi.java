package dev.accord.demodesk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The routes of the contact API:
 * <ul>
 * <li>{@code GET /api/contacts?updated_since=&limit=&cursor=|page=}: contacts changed at or after a time, in
 *     ({@code updated_at}, {@code id}) order, as {@code {"data": [...], "meta": {"next_cursor": ...}}} with a
 *     {@code Link: <...>; rel="next"} header while more follow; each contact carries its {@code etag}.</li>
 * <li>{@code GET /api/contacts?ids=a,b}: those contacts (soft-deleted ones included).</li>
 * <li>{@code GET /api/contacts/{id}}: one contact, with its {@code ETag} header.</li>
 * <li>{@code PUT /api/contacts/{id}} with {@code If-None-Match: *}, or {@code POST /api/contacts}: create. A POST
 *     whose body has no {@code id} gets one from the desk ({@code ct_1}, …); it answers {@code 201} with the contact
 *     and its {@code Location}. A POST with an {@code Idempotency-Key} header the desk has seen creates nothing and
 *     answers the contact that key created (again {@code 201}, with {@code Idempotent-Replayed: true}), so a client
 *     that lost the answer may send its create again.</li>
 * <li>{@code PATCH /api/contacts/{id}}: merge the body in; needs {@code If-Match} or the body's {@code version}.</li>
 * <li>{@code DELETE /api/contacts/{id}}: remove; needs {@code If-Match}.</li>
 * </ul>
 */
final class DeskApi implements HttpHandler {

    private final Contacts contacts;
    private final DeskFaults faults;
    private final String token;
    private final IntConsumer statuses;

    DeskApi(Contacts contacts, DeskFaults faults, String token, IntConsumer statuses) {
        this.contacts = contacts;
        this.faults = faults;
        this.token = token;
        this.statuses = statuses;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        DeskExchange x = new DeskExchange(exchange, faults, statuses);
        try (exchange) {
            Duration delay = faults.nextDelay();
            if (!delay.isZero()) {
                Thread.sleep(delay.toMillis());
            }
            if (token != null && !("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                x.error(401, "missing or wrong bearer token");
                return;
            }
            DeskFaults.Failure failure = faults.nextFailure();
            if (failure != null) {
                x.retryAfter(failure.retryAfterSeconds()).error(failure.status(), "scripted failure");
                return;
            }
            if (!faults.admit()) {
                x.retryAfter(1).error(429, "rate limit exceeded; slow down");
                return;
            }
            routeOrRefuse(x, exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Routes the request; a body it cannot read is a 400, a contact it will not store a 422 (before the exchange closes). */
    private void routeOrRefuse(DeskExchange x, HttpExchange exchange) throws IOException {
        try {
            route(x, exchange.getRequestMethod(), exchange.getRequestURI().getPath());
        } catch (InvalidContactException e) {
            x.error(422, e.getMessage());
        } catch (IllegalArgumentException e) {
            x.error(400, e.getMessage());
        }
    }

    private void route(DeskExchange x, String method, String path) throws IOException {
        String rest = path.substring(SupportDesk.CONTACTS.length());
        if (rest.isEmpty() || rest.equals("/")) {
            switch (method) {
                case "GET" -> list(x);
                case "POST" -> post(x);
                default -> x.error(405, method + " is not allowed here");
            }
            return;
        }
        String id = DeskExchange.decode(rest.substring(1));
        switch (method) {
            case "GET" -> contacts.get(id).ifPresentOrElse(c -> x.contact(200, c), () -> x.error(404, "no contact " + id));
            case "PUT" -> put(x, id);
            case "PATCH" -> patch(x, id);
            case "DELETE" -> delete(x, id);
            default -> x.error(405, method + " is not allowed here");
        }
    }

    private void list(DeskExchange x) throws IOException {
        String ids = x.query("ids");
        if (ids != null) {
            x.page(contacts.byIds(Arrays.asList(ids.split(","))), null, null);
            return;
        }
        String since = x.query("updated_since");
        List<ObjectNode> feed = contacts.feed(since == null ? null : Instant.parse(since));
        int limit = Math.min(500, Math.max(1, Integer.parseInt(orElse(x.query("limit"), "100"))));
        int from = 0;
        if (x.query("cursor") != null) {
            String[] after = DeskExchange.unwrapCursor(x.query("cursor"));
            while (from < feed.size() && !isAfter(feed.get(from), after)) {
                from++;
            }
        } else if (x.query("page") != null) {
            from = (Integer.parseInt(x.query("page")) - 1) * limit;
        }
        from = Math.min(from, feed.size());
        List<ObjectNode> page = feed.subList(from, Math.min(feed.size(), from + limit));
        boolean more = from + limit < feed.size();
        ObjectNode last = page.isEmpty() ? null : page.get(page.size() - 1);
        String next = more ? DeskExchange.cursorAfter(last) : null;
        x.page(page, next, more ? x.nextLink(since, limit, next) : null);
    }

    private void put(DeskExchange x, String id) throws IOException {
        if (!"*".equals(x.header("If-None-Match"))) {
            patch(x, id);
            return;
        }
        created(x, contacts.create(id, x.body()), 412);
    }

    private void post(DeskExchange x) throws IOException {
        ObjectNode body = x.body();
        String id = body.hasNonNull("id") ? body.get("id").asText() : null;
        Contacts.Result result = contacts.create(id, x.header("Idempotency-Key"), body);
        if (result.outcome() == Contacts.Outcome.REPLAYED) {
            x.responseHeader("Idempotent-Replayed", "true");
        }
        if (result.outcome() != Contacts.Outcome.EXISTS) {
            x.responseHeader("Location", x.location(result.contact().get("id").asText()));
        }
        created(x, result, 409);
    }

    private void created(DeskExchange x, Contacts.Result result, int existsStatus) {
        if (result.outcome() == Contacts.Outcome.EXISTS) {
            x.error(existsStatus, "contact " + result.contact().get("id").asText() + " exists");
        } else {
            x.contact(201, result.contact());
        }
    }

    private void patch(DeskExchange x, String id) throws IOException {
        ObjectNode body = x.body();
        Long expected = x.expectedVersion();
        boolean byField = expected == null && body.hasNonNull("version");
        if (byField) {
            expected = body.get("version").asLong();
        } else if (expected == null && !"*".equals(x.header("If-Match"))) {
            x.error(428, "send If-Match with the contact's ETag (or its version in the body)");
            return;
        }
        ObjectNode edit = faults.takeAgentEdit(id);
        if (edit != null) {
            contacts.patch(id, null, edit);
        }
        Contacts.Result result = contacts.patch(id, expected, body);
        switch (result.outcome()) {
            case MISSING -> x.error(404, "no contact " + id);
            case STALE -> x.error(byField ? 409 : 412, "contact " + id + " changed: it is at version " + result.contact().get("version"));
            default -> x.contact(200, result.contact());
        }
    }

    private void delete(DeskExchange x, String id) {
        Long expected = x.expectedVersion();
        if (expected == null && !"*".equals(x.header("If-Match"))) {
            x.error(428, "send If-Match with the contact's ETag");
            return;
        }
        Contacts.Result result = contacts.remove(id, expected);
        switch (result.outcome()) {
            case MISSING -> x.error(404, "no contact " + id);
            case STALE -> x.error(412, "contact " + id + " changed: it is at version " + result.contact().get("version"));
            default -> x.empty(204);
        }
    }

    private static boolean isAfter(ObjectNode contact, String[] after) {
        int byTime = Instant.parse(contact.get("updated_at").asText()).compareTo(Instant.parse(after[0]));
        return byTime > 0 || (byTime == 0 && contact.get("id").asText().compareTo(after[1]) > 0);
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
