package dev.accord.workflows.activities;

import dev.accord.core.page.PageRef;
import java.util.List;

/**
 * Deliver the golden records of {@code keys} to one target, or drain what is pending for it.
 *
 * @param keys the keys to deliver
 * @param dryRun compute the writes, write nothing
 * @param drainPending deliver every pending delivery of the target instead (up to a batch), {@code keys} ignored. Null
 *     only in requests written before this field existed (in-flight workflows), where empty keys meant a drain
 */
public record ApplyRequest(PageRef page, String target, List<String> keys, boolean dryRun, Boolean drainPending) {

    /** Deliver {@code keys}, and only those: none when it is empty. */
    public ApplyRequest(PageRef page, String target, List<String> keys, boolean dryRun) {
        this(page, target, keys, dryRun, Boolean.FALSE);
    }

    /** Deliver everything pending for {@code target}. */
    public static ApplyRequest drain(PageRef page, String target, boolean dryRun) {
        return new ApplyRequest(page, target, List.of(), dryRun, Boolean.TRUE);
    }

    /** Whether this request drains the target's pending deliveries. */
    public boolean drains() {
        return drainPending == null ? keys == null || keys.isEmpty() : drainPending;
    }
}
