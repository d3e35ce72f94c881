package dev.accord.engine;

import dev.accord.connectors.FailureClassifier;
import dev.accord.connectors.Redaction;
import dev.accord.core.failure.FailureKind;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/**
 * Finds the records a step keeps failing on, so the rest of the page goes on: once a step has failed its page
 * {@code poison-after-attempts} times, it runs the page in halves, and halves of halves, until every record that
 * still fails is alone; that record is <em>poison</em> and is quarantined as {@code PROCESSING_FAILED}. Only
 * failures that may be a record's (data or unexplained) are isolated: an availability failure (a system or the
 * store down) fails the attempt and is retried as before, and a configuration failure stops the run.
 */
public final class Isolation {

    private Isolation() {}

    /** Whether {@code e} may be one record's doing: a data or an unexplained failure. */
    public static boolean mayBePoison(RuntimeException e) {
        FailureKind kind = FailureClassifier.kind(e);
        return kind == FailureKind.DATA || kind == FailureKind.UNEXPLAINED;
    }

    /**
     * Runs {@code work} on all {@code items}; when it fails with what may be poison, on each half, down to single
     * items, which are handed to {@code poisoned}. Results are combined in item order with {@code merge}.
     */
    public static <I, R> R bisect(List<I> items, Function<List<I>, R> work, BiFunction<I, RuntimeException, R> poisoned,
                                  BinaryOperator<R> merge) {
        try {
            return work.apply(items);
        } catch (RuntimeException e) {
            if (!mayBePoison(e)) {
                throw e;
            }
            if (items.size() == 1) {
                return poisoned.apply(items.get(0), e);
            }
            int half = items.size() / 2;
            R left = bisect(items.subList(0, half), work, poisoned, merge);
            return merge.apply(left, bisect(items.subList(half, items.size()), work, poisoned, merge));
        }
    }

    /** What a poison record's quarantine entry says of the failure: its type and its message, redacted of values. */
    public static String describe(RuntimeException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root == e ? Redaction.message(e.getMessage())
                : Redaction.message(e.getMessage()) + " (cause " + root.getClass().getName() + ": " + Redaction.message(root.getMessage()) + ")";
        return "failed again and again with " + e.getClass().getName() + ": " + message;
    }
}
