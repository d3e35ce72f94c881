package dev.accord.engine;

import dev.accord.connectors.TargetConnector;
import dev.accord.connectors.TargetRow;
import dev.accord.connectors.TargetWrite;
import dev.accord.connectors.WriteResult;
import dev.accord.core.validation.ReasonCode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A target that keeps its own ids, spoken to in canonical ids: reads and writes go to the local id the cross-reference
 * links each canonical id to, and a record the system holds no row for yet is created there. In a system that assigns
 * its ids the create carries the canonical id and the connector answers the id the system gave
 * ({@link WriteResult#assignedKey()}); elsewhere the new row's local id is the canonical id. Either way the answer names
 * the local id, for the delivery to link in the same transaction as it settles the change log.
 */
final class LinkedTarget implements TargetConnector {

    private final TargetConnector target;
    private final Identities identities;
    private final String system;
    private final String domain;
    private final boolean assigns;
    private final List<Map<String, String>> matchColumns;

    /**
     * @param matchColumns per match rule this system can apply (it maps every field of the rule), canonical field to local
     *     column, in rule order
     */
    LinkedTarget(TargetConnector target, Identities identities, String system, String domain, boolean assigns,
                 List<Map<String, String>> matchColumns) {
        this.target = target;
        this.identities = identities;
        this.system = system;
        this.domain = domain;
        this.assigns = assigns;
        this.matchColumns = matchColumns;
    }

    @Override
    public Map<String, TargetRow> readByKeys(Collection<String> keys) {
        Map<String, String> locals = identities.localIds(system, domain, keys);
        Map<String, TargetRow> byLocal = target.readByKeys(locals.values());
        Map<String, TargetRow> rows = new HashMap<>();
        locals.forEach((canonical, local) -> {
            TargetRow row = byLocal.get(local);
            if (row != null) {
                rows.put(canonical, new TargetRow(canonical, row.version(), row.deleted(), row.columns()));
            }
        });
        return rows;
    }

    /**
     * Writes under local ids. Before a record is created, the system is searched for a row its own users made for it (by
     * the match rules, in order): one such row, linked to no other golden record, is answered as already there
     * ({@link WriteResult#alreadyCreated}: the delivery links it, reads it and plans an update instead); several, or one
     * that stands for another golden record, refuse the create as AMBIGUOUS_MATCH rather than make a second row.
     */
    @Override
    public List<WriteResult> apply(List<TargetWrite> writes) {
        Map<String, String> locals = identities.localIds(system, domain, writes.stream().map(TargetWrite::key).toList());
        WriteResult[] results = new WriteResult[writes.size()];
        List<Integer> creates = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            if (isCreate(writes.get(i), locals)) {
                creates.add(i);
            }
        }
        existingRows(writes, creates, results);
        List<Integer> passed = new ArrayList<>();
        List<TargetWrite> toTarget = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            if (results[i] == null) {
                passed.add(i);
                toTarget.add(local(writes.get(i), locals));
            }
        }
        List<WriteResult> answered = toTarget.isEmpty() ? List.of() : target.apply(toTarget);
        for (int i = 0; i < answered.size(); i++) {
            results[passed.get(i)] = answered.get(i);
        }
        List<WriteResult> canonical = new ArrayList<>(results.length);
        for (int i = 0; i < results.length; i++) {
            TargetWrite write = writes.get(i);
            WriteResult result = results[i];
            String assigned = result.assignedKey();
            if (assigned == null && isCreate(write, locals) && result.status() == WriteResult.Status.APPLIED) {
                assigned = write.key();
            }
            canonical.add(new WriteResult(write.key(), result.status(), result.newVersion(), result.rejection(), assigned));
        }
        return canonical;
    }

    /**
     * Answers the creates whose record already has a row here (made by the system's users), rule by rule for the whole
     * page: one row linked to no other golden record is {@link WriteResult#alreadyCreated}; several, or one standing for
     * another golden record, refuse the create as AMBIGUOUS_MATCH. Creates no rule finds a row for stay unanswered.
     *
     * @param creates the indexes of the creates among {@code writes}
     */
    private void existingRows(List<TargetWrite> writes, List<Integer> creates, WriteResult[] results) {
        for (Map<String, String> rule : matchColumns) {
            List<String> columns = new ArrayList<>(rule.values());
            List<Integer> asked = new ArrayList<>();
            List<List<Object>> candidates = new ArrayList<>();
            for (int i : creates) {
                List<Object> values = values(writes.get(i), columns);
                if (results[i] == null && values != null) {
                    asked.add(i);
                    candidates.add(values);
                }
            }
            if (asked.isEmpty()) {
                continue;
            }
            List<List<String>> found = target.keysWhere(columns, candidates);
            java.util.Set<String> all = new java.util.HashSet<>();
            found.forEach(all::addAll);
            Map<String, String> linked = all.isEmpty() ? Map.of() : identities.canonicalIds(system, domain, all);
            for (int a = 0; a < asked.size(); a++) {
                List<String> rows = found.get(a);
                TargetWrite create = writes.get(asked.get(a));
                if (rows.isEmpty()) {
                    continue;
                }
                String only = rows.size() == 1 ? rows.get(0) : null;
                results[asked.get(a)] = only != null && (!linked.containsKey(only) || linked.get(only).equals(create.key()))
                        ? WriteResult.alreadyCreated(create.key(), only)
                        : WriteResult.rejected(create.key(), new WriteResult.Rejection(ReasonCode.AMBIGUOUS_MATCH, null, system
                                + " already has " + rows.size() + " row(s) matching this record by " + String.join(" and ", rule.keySet())
                                + " (" + String.join(", ", rows) + ")" + (only != null ? ", standing for another golden record" : "")
                                + ": not creating another; link it by hand with accord identity link, or remove the duplicates"));
            }
        }
    }

    /** The write's values of {@code columns}, or null when one is missing or blank. */
    private static List<Object> values(TargetWrite write, List<String> columns) {
        List<Object> values = new ArrayList<>();
        for (String column : columns) {
            Object value = write.columns().get(column);
            if (value == null || value.toString().isBlank()) {
                return null;
            }
            values.add(value);
        }
        return values;
    }

    @Override
    public Map<String, WriteResult.Rejection> check(List<TargetWrite> writes) {
        Map<String, String> locals = identities.localIds(system, domain, writes.stream().map(TargetWrite::key).toList());
        Map<String, String> canonicalByKey = new HashMap<>();
        List<TargetWrite> translated = new ArrayList<>();
        for (TargetWrite write : writes) {
            TargetWrite local = local(write, locals);
            canonicalByKey.put(local.key(), write.key());
            translated.add(local);
        }
        Map<String, WriteResult.Rejection> rejections = new HashMap<>();
        target.check(translated).forEach((key, rejection) -> rejections.put(canonicalByKey.getOrDefault(key, key), rejection));
        return rejections;
    }

    /**
     * The write under the row's local id; a create of a record the system holds no row for keeps the canonical id (the
     * system assigns the local id, or takes the canonical id for it). In a system that assigns ids every create is one,
     * even where an old link remains (its row was removed by a rollback): the system cannot take an id it assigned before.
     */
    private TargetWrite local(TargetWrite write, Map<String, String> locals) {
        if (isCreate(write, locals) || (assigns && isInsert(write))) {
            return write;
        }
        String local = locals.get(write.key());
        return local == null ? write : new TargetWrite(local, write.expectedVersion(), write.kind(), write.columns());
    }

    private static boolean isCreate(TargetWrite write, Map<String, String> locals) {
        return isInsert(write) && !locals.containsKey(write.key());
    }

    private static boolean isInsert(TargetWrite write) {
        return write.kind() == TargetWrite.Kind.UPSERT && write.expectedVersion() == null;
    }
}
