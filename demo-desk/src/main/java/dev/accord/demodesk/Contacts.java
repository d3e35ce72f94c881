package dev.accord.demodesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The desk's contacts, in memory. Every write bumps the contact's {@code version} (its ETag is the version in
 * quotes) and stamps {@code updated_at} with a time that never repeats, so the list ordered by
 * ({@code updated_at}, {@code id}) is a change feed. A contact is soft-deleted by setting {@code deleted_at}
 * (a tombstone) or removed by DELETE. Thread-safe: every method holds the store's lock.
 */
public final class Contacts {

    private static final Comparator<ObjectNode> FEED_ORDER = Comparator
            .comparing((ObjectNode c) -> Instant.parse(c.get("updated_at").asText()))
            .thenComparing(c -> c.get("id").asText());

    private final Map<String, ObjectNode> byId = new TreeMap<>();
    private final Map<String, AtomicLong> writes = new ConcurrentHashMap<>();
    /** The contact each idempotency key created, by key. */
    private final Map<String, String> createdByKey = new TreeMap<>();
    private long assigned;
    private Instant lastStamp = Instant.EPOCH;

    /** The prefix of the ids the desk assigns ({@code ct_1}, {@code ct_2}, …). */
    public static final String ASSIGNED_PREFIX = "ct_";

    /**
     * The outcome of a conditional write; {@code REPLAYED}: a create whose idempotency key already created a contact,
     * answered with that contact and nothing written.
     */
    public enum Outcome { DONE, MISSING, EXISTS, STALE, REPLAYED }

    /** A write's outcome and the contact afterwards (null when missing or removed). */
    public record Result(Outcome outcome, ObjectNode contact) {}

    /** Puts a contact as the desk's own application would, with the given change time and version 1. */
    public synchronized void seed(ObjectNode contact, Instant updatedAt) {
        ObjectNode copy = contact.deepCopy();
        copy.put("version", 1);
        copy.put("updated_at", micros(updatedAt).toString());
        copy.putNull("deleted_at");
        byId.put(copy.get("id").asText(), copy);
    }

    public synchronized Optional<ObjectNode> get(String id) {
        return Optional.ofNullable(byId.get(id)).map(ObjectNode::deepCopy);
    }

    public synchronized List<ObjectNode> byIds(Collection<String> ids) {
        return ids.stream().map(byId::get).filter(c -> c != null).map(ObjectNode::deepCopy).toList();
    }

    /** Contacts changed at or after {@code since} (null: all), in feed order. */
    public synchronized List<ObjectNode> feed(Instant since) {
        List<ObjectNode> feed = new ArrayList<>();
        for (ObjectNode contact : byId.values()) {
            if (since == null || !Instant.parse(contact.get("updated_at").asText()).isBefore(since)) {
                feed.add(contact.deepCopy());
            }
        }
        feed.sort(FEED_ORDER);
        return feed;
    }

    public synchronized Result create(String id, ObjectNode fields) {
        return create(id, null, fields);
    }

    /**
     * Creates a contact as a SaaS API does on {@code POST}: with the given id, or (id null) one the desk assigns. A
     * create with an {@code idempotencyKey} that already created a contact creates nothing and answers that contact
     * as it is now ({@link Outcome#REPLAYED}), whatever the body says this time, as a client's retry after a lost
     * answer needs; once that contact is removed, the key creates anew.
     */
    public synchronized Result create(String id, String idempotencyKey, ObjectNode fields) {
        if (idempotencyKey != null && createdByKey.containsKey(idempotencyKey)) {
            ObjectNode earlier = byId.get(createdByKey.get(idempotencyKey));
            if (earlier != null) {
                return new Result(Outcome.REPLAYED, earlier.deepCopy());
            }
            createdByKey.remove(idempotencyKey);
        }
        ObjectNode writable = writable(fields);
        if (id == null) {
            do {
                id = ASSIGNED_PREFIX + ++assigned;
            } while (byId.containsKey(id));
        }
        Result result = create(id, writable, true);
        if (idempotencyKey != null && result.outcome() == Outcome.DONE) {
            createdByKey.put(idempotencyKey, id);
        }
        return result;
    }

    private Result create(String id, ObjectNode fields, boolean checked) {
        if (byId.containsKey(id)) {
            return new Result(Outcome.EXISTS, byId.get(id).deepCopy());
        }
        ObjectNode contact = JsonNodeFactory.instance.objectNode();
        contact.put("id", id);
        contact.setAll(checked ? fields : writable(fields));
        contact.put("version", 0);
        if (!contact.has("deleted_at")) {
            contact.putNull("deleted_at");
        }
        return new Result(Outcome.DONE, stamp(id, contact));
    }

    /**
     * Merges {@code fields} into the contact if it still holds version {@code expected} (null: any version).
     * Properties set to null are cleared; {@code id}, {@code version} and {@code updated_at} are the desk's.
     */
    public synchronized Result patch(String id, Long expected, ObjectNode fields) {
        ObjectNode contact = byId.get(id);
        if (contact == null) {
            return new Result(Outcome.MISSING, null);
        }
        if (expected != null && contact.get("version").asLong() != expected) {
            return new Result(Outcome.STALE, contact.deepCopy());
        }
        contact.setAll(writable(fields));
        return new Result(Outcome.DONE, stamp(id, contact));
    }

    public synchronized Result remove(String id, Long expected) {
        ObjectNode contact = byId.get(id);
        if (contact == null) {
            return new Result(Outcome.MISSING, null);
        }
        if (expected != null && contact.get("version").asLong() != expected) {
            return new Result(Outcome.STALE, contact.deepCopy());
        }
        byId.remove(id);
        writes.computeIfAbsent(id, k -> new AtomicLong()).incrementAndGet();
        return new Result(Outcome.DONE, null);
    }

    /** How many writes landed on each contact since it was seeded (creates, patches and removals). */
    public Map<String, Long> writesById() {
        Map<String, Long> counts = new TreeMap<>();
        writes.forEach((id, count) -> counts.put(id, count.get()));
        return counts;
    }

    public synchronized int size() {
        return byId.size();
    }

    /** Every contact, by id. */
    public synchronized Map<String, ObjectNode> all() {
        Map<String, ObjectNode> copy = new TreeMap<>();
        byId.forEach((id, contact) -> copy.put(id, contact.deepCopy()));
        return copy;
    }

    private ObjectNode stamp(String id, ObjectNode contact) {
        contact.put("version", contact.get("version").asLong() + 1);
        contact.put("updated_at", nextStamp().toString());
        byId.put(id, contact);
        writes.computeIfAbsent(id, k -> new AtomicLong()).incrementAndGet();
        return contact.deepCopy();
    }

    private Instant nextStamp() {
        Instant now = micros(Instant.now());
        lastStamp = now.isAfter(lastStamp) ? now : lastStamp.plus(1, ChronoUnit.MICROS);
        return lastStamp;
    }

    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** Longest name the desk stores. */
    static final int MAX_NAME = 120;

    /**
     * What a desk like this validates: an e-mail is one address (an {@code @}, a dot in the domain, no spaces, no
     * control or invisible formatting characters) and a name is at most {@value #MAX_NAME} characters.
     */
    private static void validate(ObjectNode fields) {
        if (fields.hasNonNull("email")) {
            String email = fields.get("email").asText();
            int at = email.indexOf('@');
            boolean valid = at > 0 && at == email.lastIndexOf('@') && email.indexOf('.', at) > at + 1
                    && email.codePoints().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)
                            || Character.getType(c) == Character.FORMAT);
            if (!valid) {
                throw new InvalidContactException("email '" + email + "' is not a valid address");
            }
        }
        if (fields.hasNonNull("name") && fields.get("name").asText().codePointCount(0, fields.get("name").asText().length()) > MAX_NAME) {
            throw new InvalidContactException("name '" + fields.get("name").asText() + "' is longer than " + MAX_NAME + " characters");
        }
    }

    private static ObjectNode writable(ObjectNode fields) {
        validate(fields);
        ObjectNode copy = fields.deepCopy();
        copy.remove(List.of("id", "version", "updated_at", "etag"));
        return copy;
    }

    static String etag(JsonNode contact) {
        return "\"" + contact.get("version").asLong() + "\"";
    }
}
