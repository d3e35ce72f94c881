package dev.accord.activities;

/**
 * The bounds a step keeps so that one record can never stop a flow.
 *
 * @param pageBytes the most bytes (as JSON) of records one page may carry through Temporal; a page read over it is
 *     read again with fewer rows. Well below the server's payload limit (2 MiB by default), since a page's records
 *     travel in the extract result and again in the validate request
 * @param recordBytes the most bytes one record may have; a larger one is quarantined as {@code RECORD_TOO_LARGE}
 *     by key, its body never sent through Temporal
 * @param poisonAfterAttempts attempts of a step after which a record that keeps failing it for an unexplained reason
 *     is quarantined as {@code PROCESSING_FAILED} and the page goes on (availability failures keep retrying)
 */
public record Limits(long pageBytes, long recordBytes, int poisonAfterAttempts) {

    public static final Limits DEFAULTS = new Limits(1024 * 1024, 256 * 1024, 4);

    public Limits {
        if (pageBytes < 1024 || recordBytes < 256 || recordBytes > pageBytes || poisonAfterAttempts < 1) {
            throw new IllegalArgumentException("limits: page bytes (" + pageBytes + ") at least 1024, record bytes (" + recordBytes
                    + ") between 256 and the page bytes, poison attempts (" + poisonAfterAttempts + ") at least 1");
        }
    }
}
