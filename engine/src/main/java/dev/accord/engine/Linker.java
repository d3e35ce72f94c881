package dev.accord.engine;

import dev.accord.core.contract.DomainMapping;
import dev.accord.core.contract.DomainSpec;
import dev.accord.core.contract.FlowSpec;
import dev.accord.core.identity.CanonicalIds;
import dev.accord.core.identity.MatchDecision;
import dev.accord.core.identity.MatchKeys;
import dev.accord.core.identity.Matcher;
import dev.accord.core.page.PageRef;
import dev.accord.core.page.RecordOutcome;
import dev.accord.core.record.CanonicalRecord;
import dev.accord.core.record.SourceChange;
import dev.accord.core.resolve.Decision;
import dev.accord.core.validation.ReasonCode;
import dev.accord.store.AccordStore;
import dev.accord.store.IdentityLinks;
import dev.accord.store.QuarantineLog;
import dev.accord.store.StoreJson;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Identity at the hub: the changes of a system that keeps its own ids come in under its local ids and leave under
 * canonical ids. A local id already linked takes its golden record's id; one seen for the first time is decided by the
 * domain's match rules ({@link Matcher}): linked to the one golden record it matches, made a new golden record (its
 * own id when its system is the id authority, else a minted one), or quarantined as AMBIGUOUS_MATCH when it matches
 * several, or one its system already holds another row for. A link once made stays: a record whose match fields change
 * later is not re-linked. Runs inside the hub's transaction, so links commit with the decisions they led to.
 */
final class Linker {

    private final CompiledContract compiled;
    private final AccordStore store;
    private final CanonicalIds ids;

    Linker(CompiledContract compiled, AccordStore store, CanonicalIds ids) {
        this.compiled = compiled;
        this.store = store;
        this.ids = ids;
    }

    /**
     * The page's changes under canonical ids, what could not be linked, and the links made.
     *
     * @param quarantined the outcomes of the changes left out (ambiguous, or deleted before ever linked)
     * @param entries the quarantine entries of the ambiguous ones
     */
    record Linked(List<SourceChange> changes, List<RecordOutcome> quarantined, List<QuarantineLog.Entry> entries,
                  List<IdentityLinks.Link> links) {}

    Linked link(Connection connection, PageRef page, FlowSpec flow, List<SourceChange> changes) throws SQLException {
        String system = changes.get(0).system();
        DomainMapping mapping = compiled.contract().mapping(system, flow.domain());
        if (!mapping.ownsIds()) {
            return new Linked(changes, List.of(), List.of(), List.of());
        }
        DomainSpec domain = compiled.contract().domain(flow.domain());
        Set<String> localIds = new LinkedHashSet<>();
        changes.forEach(c -> localIds.add(c.key()));
        Map<String, String> canonical = new HashMap<>(store.identityLinks().canonicalIds(connection, domain.name(), system, localIds));
        Map<String, Map<String, String>> keysByLocal = new LinkedHashMap<>();
        for (SourceChange change : changes) {
            if (!canonical.containsKey(change.key()) && !change.delete()) {
                keysByLocal.putIfAbsent(change.key(), MatchKeys.of(domain.identity().match(), change.fields()));
            }
        }
        Candidates candidates = new Candidates(connection, domain.name(), keysByLocal.values());
        Set<String> heldHere = new HashSet<>(store.identityLinks().localIds(connection, domain.name(), system,
                candidates.all()).keySet());

        List<SourceChange> linked = new ArrayList<>();
        List<RecordOutcome> left = new ArrayList<>();
        List<QuarantineLog.Entry> entries = new ArrayList<>();
        List<IdentityLinks.Link> links = new ArrayList<>();
        for (SourceChange change : changes) {
            String id = canonical.get(change.key());
            if (id == null && change.delete()) {
                left.add(new RecordOutcome(change.key(), change.dedupKey().asText(), Decision.UNCHANGED, List.of(),
                        "deleted in " + system + " before Accord linked it to a golden record: nothing to delete"));
                continue;
            }
            if (id == null) {
                Map<String, String> keys = keysByLocal.get(change.key());
                MatchDecision decision = Matcher.decide(keys, candidates::of);
                String refusal = refusal(decision, heldHere, system);
                if (refusal != null) {
                    left.add(new RecordOutcome(change.key(), change.dedupKey().asText(), Decision.QUARANTINED, List.of(),
                            ReasonCode.AMBIGUOUS_MATCH + " at $: " + refusal));
                    entries.add(entry(page, flow, change, refusal));
                    continue;
                }
                IdentityLinks.Link link = decision instanceof MatchDecision.Link match
                        ? new IdentityLinks.Link(domain.name(), system, change.key(), match.canonicalId(), IdentityLinks.MATCHED, match.rule(),
                                page.run().runId())
                        : new IdentityLinks.Link(domain.name(), system, change.key(),
                                mapping.localKey().authority() ? change.key() : ids.mint(), IdentityLinks.NEW, null, page.run().runId());
                id = link.canonicalId();
                canonical.put(change.key(), id);
                heldHere.add(id);
                links.add(link);
                candidates.add(keys, id);
            }
            linked.add(new SourceChange(change.system(), change.domain(), id, change.sourceVersion(), change.timestamp(),
                    change.fields(), change.delete()));
        }
        return new Linked(linked, left, entries, links);
    }

    /**
     * Indexes the match keys of golden records just written (none for a deleted one), so the next first sighting finds
     * them. Only domains with match rules keep an index.
     */
    void index(Connection connection, DomainSpec domain, Collection<CanonicalRecord> records) throws SQLException {
        if (domain.identity().match().isEmpty() || records.isEmpty()) {
            return;
        }
        Map<String, Map<String, String>> keys = new LinkedHashMap<>();
        for (CanonicalRecord record : records) {
            Map<String, com.fasterxml.jackson.databind.JsonNode> values = new HashMap<>();
            record.fields().forEach((field, value) -> values.put(field, value.value()));
            keys.put(record.key(), record.deleted() ? Map.of() : MatchKeys.of(domain.identity().match(), values));
        }
        store.matchIndex().index(connection, domain.name(), keys);
    }

    /** Why a first sighting cannot be linked: several golden records match, or its one match already has a row here. */
    private static String refusal(MatchDecision decision, Set<String> heldHere, String system) {
        if (decision instanceof MatchDecision.Ambiguous ambiguous) {
            return "matches " + ambiguous.candidates().size() + " golden records by rule '" + ambiguous.rule() + "': "
                    + String.join(", ", ambiguous.candidates()) + "; link it to one with accord identity link, then replay it";
        }
        if (decision instanceof MatchDecision.Link link && heldHere.contains(link.canonicalId())) {
            return "matches golden record " + link.canonicalId() + " by rule '" + link.rule() + "', which " + system
                    + " already holds as another row: two rows of one system for one record; merge them in " + system
                    + ", or link this one by hand with accord identity link, then replay it";
        }
        return null;
    }

    private static QuarantineLog.Entry entry(PageRef page, FlowSpec flow, SourceChange change, String message) {
        return new QuarantineLog.Entry(flow.name(), change.system(), flow.domain(), change.key(), change.dedupKey().asText(),
                ReasonCode.AMBIGUOUS_MATCH.name(), "$", message, StoreJson.write(change.fields()), page.run().workflowId(),
                page.run().runId(), page.page());
    }

    /** The golden records holding each match key, from the store's index and from the page's own new records. */
    private final class Candidates {

        private final Map<String, Map<String, Set<String>>> byRule = new HashMap<>();

        Candidates(Connection connection, String domain, Collection<Map<String, String>> keys) throws SQLException {
            Map<String, Set<String>> hashesByRule = new HashMap<>();
            keys.forEach(k -> k.forEach((rule, hash) -> hashesByRule.computeIfAbsent(rule, r -> new LinkedHashSet<>()).add(hash)));
            for (Map.Entry<String, Set<String>> rule : hashesByRule.entrySet()) {
                byRule.put(rule.getKey(), new HashMap<>(store.matchIndex().find(connection, domain, rule.getKey(), rule.getValue())));
            }
        }

        Set<String> of(String rule, String hash) {
            return byRule.getOrDefault(rule, Map.of()).getOrDefault(hash, Set.of());
        }

        void add(Map<String, String> keys, String canonicalId) {
            keys.forEach((rule, hash) -> byRule.computeIfAbsent(rule, r -> new HashMap<>())
                    .computeIfAbsent(hash, h -> new LinkedHashSet<>()).add(canonicalId));
        }

        Set<String> all() {
            Set<String> all = new HashSet<>();
            byRule.values().forEach(m -> m.values().forEach(all::addAll));
            return all;
        }
    }
}
