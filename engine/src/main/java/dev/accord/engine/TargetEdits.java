package dev.accord.engine;

import dev.accord.connectors.ConnectorFactory;
import dev.accord.connectors.SourceRow;
import dev.accord.core.contract.DomainMapping;
import dev.accord.core.contract.FlowSpec;
import dev.accord.core.mapping.Mapped;
import dev.accord.core.page.PageRef;
import dev.accord.core.record.SourceChange;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Before Accord writes over a target row, the row's own state is brought into the hub as a change from the
 * target system (with the row's version and change time), so an edit made there and not yet synced is
 * judged by the contract instead of being overwritten: a field the target may write and changed later wins,
 * a field it does not own is rejected and the golden value is written. Rows Accord already knows (same
 * version) come back as duplicates and cost nothing; rows that break the contract's rules, or hold values that
 * cannot be read as their column's type, are left out, as the boundary would quarantine them. Done before every delivery attempt, so a
 * compare-and-set conflict re-reads and re-resolves the row before trying again.
 */
final class TargetEdits {

    private final CompiledContract compiled;
    private final ConnectorFactory connectors;
    private final Hub hub;
    private final Identities identities;

    TargetEdits(CompiledContract compiled, ConnectorFactory connectors, Hub hub, Identities identities) {
        this.compiled = compiled;
        this.connectors = connectors;
        this.hub = hub;
        this.identities = identities;
    }

    void resolve(PageRef page, FlowSpec flow, String target, Collection<String> keys) {
        DomainMapping mapping = compiled.contract().mapping(target, flow.domain());
        if (mapping.cursor() == null && mapping.outbox() == null) {
            return;
        }
        List<SourceChange> changes = new ArrayList<>();
        Collection<String> localIds = identities.localIds(target, flow.domain(), keys).values();
        for (SourceRow row : connectors.source(target, flow.domain()).readByKeys(localIds)) {
            if (row.deleted() || row.unreadable() != null) {
                continue;
            }
            Mapped mapped = compiled.mapper(target, flow.domain()).toCanonical(row.columns());
            boolean valid = mapped.isValid() && compiled.validator(flow.domain())
                    .validate(mapped.key(), mapped.fields(), compiled.mapper(target, flow.domain()).mappedFields()).isEmpty();
            if (valid) {
                changes.add(SourceChange.upsert(target, flow.domain(), row.key(), row.sourceVersion(), row.timestamp(), mapped.fields()));
            }
        }
        hub.resolve(page, changes, false);
    }
}
