package dev.accord.core.page;

/**
 * What one delivery did to one target row.
 *
 * @param status written, unchanged (target already held the golden values), conflict (compare-and-set
 *     failed after re-reading; left pending for the next attempt), quarantined (the golden record breaks
 *     the target's egress rules; nothing written), would-write (dry run), or parked (a reference names a record
 *     the hub does not hold yet; the delivery stays pending and is tried again with the next apply)
 * @param fromVersion the row's version before, null when absent
 * @param toVersion the row's version after, null when absent or unchanged
 */
public record TargetOutcome(String key, Status status, Long fromVersion, Long toVersion, String detail) {

    public enum Status { WRITTEN, UNCHANGED, CONFLICT, QUARANTINED, WOULD_WRITE, PARKED }
}
