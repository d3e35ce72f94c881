package dev.accord.engine;

import dev.accord.core.page.PageRef;
import java.util.List;

/**
 * What to deliver to one target for a page: the golden records of {@code keys}, or — when {@code drain} — every
 * delivery pending for the target (up to a batch at a time), {@code keys} being empty then.
 *
 * @param dryRun compute the writes, write nothing
 */
public record DeliveryOrder(PageRef page, String target, List<String> keys, boolean drain, boolean dryRun) {

    public DeliveryOrder {
        keys = List.copyOf(keys);
    }

    /** Deliver {@code keys}, and only those: none when it is empty. */
    public static DeliveryOrder of(PageRef page, String target, List<String> keys, boolean dryRun) {
        return new DeliveryOrder(page, target, keys, false, dryRun);
    }

    /** Deliver everything pending for {@code target}. */
    public static DeliveryOrder drain(PageRef page, String target, boolean dryRun) {
        return new DeliveryOrder(page, target, List.of(), true, dryRun);
    }
}
