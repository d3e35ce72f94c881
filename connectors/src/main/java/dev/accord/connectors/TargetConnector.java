package dev.accord.connectors;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writes one domain to one system with compare-and-set. A conflict is reported per row, never thrown;
 * the caller re-reads and re-resolves that row.
 */
public interface TargetConnector {

    /** Current rows for the given keys (soft-deleted rows included, marked deleted); absent keys are missing. */
    Map<String, TargetRow> readByKeys(Collection<String> keys);

    /**
     * Applies the writes in one transaction; each lands only if its row still holds the expected version. A record
     * whose values the target refuses (a data or constraint error) is {@link WriteResult.Status#REJECTED} with
     * nothing of it written, and the other records land: one bad record never fails the call.
     */
    List<WriteResult> apply(List<TargetWrite> writes);

    /**
     * The records among {@code writes} whose values this target cannot store as they are (a number beyond the
     * column's range, a fraction it would round, text it would cut or a character it refuses), by key, checked
     * against what the target says of itself before anything is written. Empty when the target knows no limits
     * in advance (it may still reject a record when written).
     */
    default Map<String, WriteResult.Rejection> check(List<TargetWrite> writes) {
        return Map.of();
    }

    /**
     * For records about to be created in a system that keeps its own ids: the ids of the rows that may already stand for
     * each of them (made by the system's own users, not yet read by Accord), found by the values of some columns, text
     * compared trimmed and case-insensitively (an e-mail matches whatever its case). Empty lists when the target cannot
     * look rows up by value.
     *
     * @param columns the local columns compared
     * @param candidates per record, its values of {@code columns} in order, none null
     * @return per candidate, in order, the ids of the rows holding all its values
     */
    default List<List<String>> keysWhere(List<String> columns, List<List<Object>> candidates) {
        return candidates.stream().map(c -> List.<String>of()).toList();
    }
}
