package dev.accord.demodesk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What makes the desk behave like a real SaaS API under load and trouble: a request rate limit answered with
 * {@code 429 Too Many Requests} and {@code Retry-After}, and scripted faults for tests and the demo — the
 * next requests failing with a status, answering with a body that is not JSON, or answering slowly, and an
 * agent who edits a contact just before the next write to it arrives (so that write's ETag is stale).
 */
public final class DeskFaults {

    /** A scripted answer for the next requests. */
    record Failure(int status, int retryAfterSeconds) {}

    private final AtomicInteger failures = new AtomicInteger();
    private volatile Failure failure;
    private final AtomicInteger malformed = new AtomicInteger();
    private final AtomicInteger slow = new AtomicInteger();
    private volatile Duration delay = Duration.ZERO;
    private final Map<String, ObjectNode> agentEdits = new ConcurrentHashMap<>();
    private final Object bucketLock = new Object();
    private volatile int perSecond;
    private double tokens;
    private long refilled = System.nanoTime();

    /** At most {@code perSecond} requests a second (a token bucket holding one second's worth); 0 lifts the limit. */
    public DeskFaults rateLimit(int perSecond) {
        synchronized (bucketLock) {
            this.perSecond = perSecond;
            this.tokens = perSecond;
            this.refilled = System.nanoTime();
        }
        return this;
    }

    /** The next {@code count} requests are answered with {@code status}, with {@code Retry-After} when positive. */
    public DeskFaults failNext(int count, int status, int retryAfterSeconds) {
        failure = new Failure(status, retryAfterSeconds);
        failures.set(count);
        return this;
    }

    /** The next {@code count} responses with a body carry half a JSON document. */
    public DeskFaults malformedNext(int count) {
        malformed.set(count);
        return this;
    }

    /** The next {@code count} requests are answered only after {@code delay}. */
    public DeskFaults slowNext(int count, Duration delay) {
        this.delay = delay;
        slow.set(count);
        return this;
    }

    /** Just before the next write to contact {@code id} is handled, an agent merges {@code edit} into it. */
    public DeskFaults agentEditsBeforeNextWrite(String id, ObjectNode edit) {
        agentEdits.put(id, edit.deepCopy());
        return this;
    }

    Failure nextFailure() {
        return failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? failure : null;
    }

    boolean nextMalformed() {
        return malformed.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    Duration nextDelay() {
        return slow.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? delay : Duration.ZERO;
    }

    ObjectNode takeAgentEdit(String id) {
        return agentEdits.remove(id);
    }

    /** Takes a token from the bucket; false when the client must slow down. */
    boolean admit() {
        synchronized (bucketLock) {
            if (perSecond <= 0) {
                return true;
            }
            long now = System.nanoTime();
            tokens = Math.min(perSecond, tokens + (now - refilled) / 1e9 * perSecond);
            refilled = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }
}
