package dev.accord.activities.hub;

import dev.accord.connectors.SourceRow;
import dev.accord.core.contract.DomainMapping;
import dev.accord.core.contract.FlowSpec;
import dev.accord.core.mapping.Mapped;
import dev.accord.core.record.SourceChange;
import dev.accord.workflows.activities.PageRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Before Accord writes over a target row, the row's own state is brought into the hub as a change from the
 * target system (with the row's version and change time), so an edit made there and not yet synced is
 * judged by the contract instead of being overwritten: a field the target may write and changed later wins,
 * a field it does not own is rejected and the golden value is written. Rows Accord already knows (same
 * version) come back as duplicates and cost nothing; rows that break the contract's rules are left out, as
 * the boundary would quarantine them. Done before every delivery attempt, so a
 * compare-and-set conflict re-reads and re-resolves the row before trying again.
 */
final class TargetEdits {

    private final SyncContext context;
    private final Hub hub;

    TargetEdits(SyncContext context, Hub hub) {
        this.context = context;
        this.hub = hub;
    }

    void resolve(PageRef page, FlowSpec flow, String target, Collection<String> keys) {
        DomainMapping mapping = context.contract().mapping(target, flow.domain());
        if (mapping.cursor() == null && mapping.outbox() == null) {
            return;
        }
        List<SourceChange> changes = new ArrayList<>();
        for (SourceRow row : context.connectors().source(target, flow.domain()).readByKeys(keys)) {
            if (row.deleted()) {
                continue;
            }
            Mapped mapped = context.mapper(target, flow.domain()).toCanonical(row.columns());
            boolean valid = mapped.isValid() && context.validator(flow.domain())
                    .validate(mapped.key(), mapped.fields(), context.mapper(target, flow.domain()).mappedFields()).isEmpty();
            if (valid) {
                changes.add(SourceChange.upsert(target, flow.domain(), row.key(), row.sourceVersion(), row.timestamp(), mapped.fields()));
            }
        }
        hub.resolve(page, changes, false);
    }
}
