package dev.accord.core.resolve;

import dev.accord.core.change.ChangeSet;
import dev.accord.core.record.CanonicalRecord;
import dev.accord.core.record.DedupKey;
import java.util.List;

/**
 * The outcome of resolving one change against the golden record.
 *
 * @param outcome the record-level decision (see {@link Resolver} for how it summarises the fields)
 * @param fields the decision per field
 * @param changes what to write: apply to the golden record, log, and (when it changes targets) send on
 * @param after the golden record after the change
 */
public record Resolution(DedupKey dedupKey, Decision outcome, List<FieldDecision> fields, ChangeSet changes, CanonicalRecord after) {

    public Resolution {
        fields = List.copyOf(fields);
    }
}
