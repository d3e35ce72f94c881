package dev.accord.workflows.activities;

import java.util.List;

/**
 * The records of one backfill page that were not applied as-is, bounded so a page's result stays far below
 * Temporal's payload limits whatever the page size: the first {@value #LIMIT} are listed, the rest counted.
 *
 * @param listed the first exceptions of the page, in the order the page met them
 * @param unlisted how many more there were
 */
public record PageExceptions(List<RecordException> listed, int unlisted) {

    /** At most this many exceptions are listed per page (about 100 bytes each: well under 2 MB per result). */
    public static final int LIMIT = 200;

    public static PageExceptions none() {
        return new PageExceptions(List.of(), 0);
    }

    /** Every exception counted, listed or not. */
    public int total() {
        return (listed == null ? 0 : listed.size()) + unlisted;
    }
}
