package dev.accord.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.SpecVersion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One comparison of an old schema with a new one, subschema by subschema. Every keyword of JSON Schema is a
 * constraint on its own (or, for the few that depend on others, compared together with them), so the new schema
 * accepts all the old one did when each keyword's change does; the changes carry that verdict per direction.
 * Local references are followed; a pair of references met again on the way down is assumed to agree (documents are
 * finite, so a cycle is only ever followed as deep as a document goes).
 */
final class Comparison {

    private static final int DEPTH_LIMIT = 32;
    /** Subschema comparisons one diff may make; beyond, what is left is undecided (sums compare members pairwise). */
    private static final int WORK_LIMIT = 100_000;
    private static final Set<String> DYNAMIC = Set.of("$dynamicRef", "$recursiveRef", "$recursiveAnchor");

    private final JsonNode oldRoot;
    private final JsonNode newRoot;
    private final SpecVersion.VersionFlag oldDraft;
    private final SpecVersion.VersionFlag newDraft;
    private final Set<String> inProgress;
    private final int[] work;
    private final int depth;

    Comparison(JsonNode oldRoot, JsonNode newRoot) {
        this(oldRoot, newRoot, Drafts.of(oldRoot), Drafts.of(newRoot), new HashSet<>(), new int[1], 0);
    }

    private Comparison(JsonNode oldRoot, JsonNode newRoot, SpecVersion.VersionFlag oldDraft, SpecVersion.VersionFlag newDraft,
                       Set<String> inProgress, int[] work, int depth) {
        this.oldRoot = oldRoot;
        this.newRoot = newRoot;
        this.oldDraft = oldDraft;
        this.newDraft = newDraft;
        this.inProgress = inProgress;
        this.work = work;
        this.depth = depth;
    }

    /** The same comparison with old and new exchanged: for {@code not}, whose subschema is compared the other way round. */
    Comparison swapped() {
        return new Comparison(newRoot, oldRoot, newDraft, oldDraft, inProgress, work, depth);
    }

    JsonNode oldRoot() {
        return oldRoot;
    }

    JsonNode newRoot() {
        return newRoot;
    }

    List<SchemaChange> compare(JsonNode before, JsonNode after, String path) {
        List<SchemaChange> changes = new ArrayList<>();
        compare(before, after, path, changes);
        return changes;
    }

    void compare(JsonNode before, JsonNode after, String path, List<SchemaChange> changes) {
        JsonNode old = Schemas.orTrue(before);
        JsonNode now = Schemas.orTrue(after);
        if (old.equals(now) && !Schemas.containsRef(old)) {
            return;
        }
        if (depth > DEPTH_LIMIT) {
            changes.add(new SchemaChange(path, ChangeRule.UNDECIDABLE, "nesting deeper than " + DEPTH_LIMIT + " levels"));
            return;
        }
        if (++work[0] > WORK_LIMIT) {
            changes.add(new SchemaChange(path, ChangeRule.UNDECIDABLE, "more than " + WORK_LIMIT + " subschema comparisons"));
            return;
        }
        String key = LocalRefs.isRef(old) || LocalRefs.isRef(now) ? identity(old) + "|" + identity(now) : null;
        if (key != null && !inProgress.add(key)) {
            return;
        }
        try {
            new Comparison(oldRoot, newRoot, oldDraft, newDraft, inProgress, work, depth + 1).resolved(old, now, path, changes);
        } finally {
            if (key != null) {
                inProgress.remove(key);
            }
        }
    }

    private static String identity(JsonNode node) {
        return LocalRefs.isRef(node) ? "ref " + LocalRefs.ref(node) + " @" + System.identityHashCode(node) : "@" + System.identityHashCode(node);
    }

    private void resolved(JsonNode old, JsonNode now, String path, List<SchemaChange> changes) {
        if (LocalRefs.isRef(old) || LocalRefs.isRef(now)) {
            Optional<JsonNode> oldTarget = LocalRefs.isRef(old) ? LocalRefs.resolve(old, oldRoot, Drafts.refSiblingsApply(oldDraft)) : Optional.of(old);
            Optional<JsonNode> newTarget = LocalRefs.isRef(now) ? LocalRefs.resolve(now, newRoot, Drafts.refSiblingsApply(newDraft)) : Optional.of(now);
            if (oldTarget.isPresent() && newTarget.isPresent()) {
                compare(oldTarget.get(), newTarget.get(), path, changes);
            } else if (LocalRefs.isRef(old) && LocalRefs.isRef(now) && LocalRefs.ref(old).equals(LocalRefs.ref(now))
                    && !LocalRefs.ref(old).startsWith("#")) {
                if (Drafts.refSiblingsApply(oldDraft) || Drafts.refSiblingsApply(newDraft)) {
                    compare(LocalRefs.withoutRef(old), LocalRefs.withoutRef(now), path, changes);
                }
            } else {
                changes.add(new SchemaChange(path, ChangeRule.UNDECIDABLE, "$ref " + Schemas.text(old.path("$ref")) + " → "
                        + Schemas.text(now.path("$ref")) + " cannot be followed (not a local JSON pointer)"));
            }
            return;
        }
        if (Schemas.isFalse(now)) {
            if (!Schemas.isFalse(old)) {
                changes.add(new SchemaChange(path, ChangeRule.SCHEMA_REMOVED, Schemas.text(old) + " → false"));
            }
            return;
        }
        if (Schemas.isFalse(old)) {
            changes.add(new SchemaChange(path, ChangeRule.SCHEMA_ADDED, "false → " + Schemas.text(now)));
            return;
        }
        if (!old.isObject() && !old.isBoolean() || !now.isObject() && !now.isBoolean()) {
            changes.add(new SchemaChange(path, ChangeRule.UNDECIDABLE, "not a schema: " + Schemas.text(old) + " → " + Schemas.text(now)));
            return;
        }
        ObjectNode before = Drafts.honoured(Schemas.asObject(old), oldDraft);
        ObjectNode after = Drafts.honoured(Schemas.asObject(now), newDraft);
        Set<String> oldTypes = Relevance.admitted(before);
        Set<String> newTypes = Relevance.admitted(after);
        if (oldTypes.equals(newTypes)) {
            keywords(before, after, oldTypes, path, changes);
            return;
        }
        List<SchemaChange> backward = new ArrayList<>();
        keywords(before, after, oldTypes, path, backward);
        List<SchemaChange> forward = new ArrayList<>();
        keywords(before, after, newTypes, path, forward);
        changes.addAll(Relevance.merge(backward, forward));
    }

    /**
     * Compares the keywords that matter for documents of the given types: the old schema's types decide the
     * backward verdict (only its documents are read anew), the new schema's the forward one.
     */
    private void keywords(ObjectNode before, ObjectNode after, Set<String> types, String path, List<SchemaChange> changes) {
        keywords(Unevaluated.normalise(Relevance.strip(before, types)), Unevaluated.normalise(Relevance.strip(after, types)), path, changes);
    }

    private void keywords(ObjectNode old, ObjectNode now, String path, List<SchemaChange> changes) {
        for (String keyword : DYNAMIC) {
            if (old.has(keyword) || now.has(keyword)) {
                changes.add(new SchemaChange(path, ChangeRule.UNDECIDABLE, keyword + " is not followed"));
                return;
            }
        }
        KeywordDiff.compare(old, now, path, changes);
        ObjectDiff.compare(this, old, now, path, changes);
        ArrayDiff.compare(this, old, now, path, changes);
        CompositionDiff.compare(this, old, now, path, changes);
        Unevaluated.compare(old, now, path, changes);
        Set<String> others = new TreeSet<>(Schemas.names(old));
        others.addAll(Schemas.names(now));
        for (String keyword : others) {
            if (!Keywords.KNOWN.contains(keyword) && !old.path(keyword).equals(now.path(keyword))) {
                changes.add(new SchemaChange(path, ChangeRule.KEYWORD_CHANGED,
                        keyword + " " + Schemas.text(old.path(keyword)) + " → " + Schemas.text(now.path(keyword))));
            }
        }
    }
}
