package dev.accord.core.contract;

/**
 * A system that keeps its own ids for a domain: the column (or JSON property) that holds them, and how records get
 * them. Accord links each of them to the canonical id in the store's cross-reference.
 *
 * @param column the system's own id column
 * @param assigned the system assigns the id when Accord creates a record there (a generated key, an id in an API's
 *     answer); false when Accord gives a new record its canonical id as the local id
 * @param externalId the column where Accord keeps the canonical id in the system's rows, so a row Accord created
 *     before a crash is found again instead of created twice; null when the system has none
 * @param authority the canonical ids of the records this system introduces are this system's own ids (else Accord
 *     mints them); at most one system per domain
 */
public record LocalKey(String column, boolean assigned, String externalId, boolean authority) {}
