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

    /** Applies the writes in one transaction; each lands only if its row still holds the expected version. */
    List<WriteResult> apply(List<TargetWrite> writes);
}
