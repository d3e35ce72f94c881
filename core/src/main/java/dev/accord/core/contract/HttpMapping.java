package dev.accord.core.contract;

/**
 * How an {@code http} system serves one domain, beyond its {@code endpoint}: where records sit in a list
 * response, how changes are asked for and paged, how records are read by key and written, and which
 * precondition makes a write compare-and-set. Property names and paths are the API's own; the field
 * mapping's columns are the records' JSON properties.
 *
 * @param records dot path to the list of records in a list response ({@code data}, {@code result.items});
 *     null when the response body is the list itself
 * @param since query parameter that asks for records changed at or after a cursor value; null when the API
 *     has none (then every read lists from the start and skips what was read)
 * @param paging how a list response leads to the next page
 * @param byKeys query parameter that lists several records by key ({@code ?ids=a,b}); null reads one
 *     record per request at {@code item}
 * @param keysPerRequest at most this many keys per by-keys request
 * @param item path of one record, with {@code {key}} where its key goes
 * @param etagField property holding a record's ETag in list responses; null when only the ETag header of
 *     a single-record response carries it
 * @param create how a new record is created: PUT to its item path with {@code If-None-Match: *}, or POST to
 *     the endpoint
 * @param concurrency what makes a write conditional: the ETag in {@code If-Match}, or the version property
 *     ({@code version-column}) sent in the body
 */
public record HttpMapping(String records, String since, Paging paging, String byKeys, int keysPerRequest, String item,
                          String etagField, Create create, Concurrency concurrency) {

    /**
     * @param style how the next page is found
     * @param sizeParam query parameter for the page size
     * @param size records asked for per request (the connector asks for fewer when the page needs fewer)
     * @param pageParam query parameter for the page number (style {@code page}, numbered from 1)
     * @param cursorParam query parameter that takes the next-page token (style {@code cursor})
     * @param nextCursor dot path of the next-page token in the response body (style {@code cursor}); absent,
     *     null or empty at the last page
     */
    public record Paging(PagingStyle style, String sizeParam, int size, String pageParam, String cursorParam, String nextCursor) {}

    /** How a list response leads to the next page. */
    public enum PagingStyle {
        /** A token in the body ({@code next-cursor}) passed back as {@code cursor-param}. */
        CURSOR,
        /** Page numbers from 1 in {@code page-param}; a page with fewer records than asked is the last. */
        PAGE,
        /** The {@code Link} response header's {@code rel="next"} URL (RFC 8288). */
        LINK
    }

    /** How a record that does not exist yet is created. */
    public enum Create { PUT, POST }

    /** What makes a write conditional. */
    public enum Concurrency {
        /** {@code If-Match} with the record's ETag; the record's version is the ETag's number (or a hash of it). */
        ETAG,
        /** The record's {@code version-column} property, sent in the body; the API refuses a stale one. */
        VERSION_FIELD
    }
}
