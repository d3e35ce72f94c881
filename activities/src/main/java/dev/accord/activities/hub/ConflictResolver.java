package dev.accord.activities.hub;

import dev.accord.connectors.TargetConnector;
import dev.accord.connectors.TargetRow;
import dev.accord.core.contract.FlowSpec;
import dev.accord.core.mapping.Mapped;
import dev.accord.core.record.SourceChange;
import dev.accord.workflows.activities.PageRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * After a compare-and-set conflict, the row someone else just changed is fed through the hub as a change
 * from the target system itself: fields it owns may win (its edit is kept), fields it does not own are
 * decided by the contract and the next attempt writes the golden value.
 */
final class ConflictResolver {

    private final SyncContext context;
    private final Hub hub;

    ConflictResolver(SyncContext context, Hub hub) {
        this.context = context;
        this.hub = hub;
    }

    void reResolve(PageRef page, FlowSpec flow, String target, TargetConnector connector, List<String> keys) {
        List<SourceChange> changes = new ArrayList<>();
        Instant now = Instant.now();
        for (TargetRow row : connector.readByKeys(keys).values()) {
            if (row.deleted()) {
                continue;
            }
            Mapped mapped = context.mapper(target, flow.domain()).toCanonical(row.columns());
            if (mapped.isValid()) {
                changes.add(SourceChange.upsert(target, flow.domain(), row.key(), row.version(), now, mapped.fields()));
            }
        }
        hub.resolve(page, changes, false);
    }
}
