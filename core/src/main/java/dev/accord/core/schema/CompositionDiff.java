package dev.accord.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code allOf} (a conjunction: order-insensitive, duplicates ignored), {@code anyOf} and {@code oneOf} (sums that
 * may be extended or narrowed), {@code not}, and {@code if}/{@code then}/{@code else}.
 *
 * <p>Members equal on both sides are matched first; the remaining old and new members are paired in order and
 * compared (a pairing that holds proves the inclusion, whichever pairing it is); what is left over was added or
 * removed. {@code oneOf} is a sum only when its members exclude each other: an extension whose members Accord cannot
 * prove exclusive may make a document match two of them, and is reported as such.
 */
final class CompositionDiff {

    private CompositionDiff() {}

    static void compare(Comparison comparison, JsonNode old, JsonNode now, String path, List<SchemaChange> changes) {
        allOf(comparison, old, now, path, changes);
        sum("anyOf", comparison, old, now, path, changes);
        sum("oneOf", comparison, old, now, path, changes);
        not(comparison, old, now, path, changes);
        conditional(comparison, old, now, path, changes);
    }

    private static void allOf(Comparison comparison, JsonNode old, JsonNode now, String path, List<SchemaChange> changes) {
        Matching matching = Matching.of(members(old, "allOf"), members(now, "allOf"));
        matching.pairs().forEach(p -> comparison.compare(p.before(), p.after(), path, changes));
        for (JsonNode added : matching.added()) {
            List<SchemaChange> inner = comparison.compare(Schemas.TRUE, added, path);
            if (!inner.isEmpty()) {
                changes.add(SchemaChange.summing(path, ChangeRule.PRODUCT_TYPE_EXTENDED, "allOf member added: " + added, inner));
            }
        }
        for (JsonNode removed : matching.removed()) {
            List<SchemaChange> inner = comparison.compare(removed, Schemas.TRUE, path);
            if (!inner.isEmpty()) {
                changes.add(SchemaChange.summing(path, ChangeRule.PRODUCT_TYPE_NARROWED, "allOf member removed: " + removed, inner));
            }
        }
    }

    /**
     * A sum keeps every old document when each old member lies within some new member (a missing keyword stands for
     * the whole schema beside it), and every new one when each new member lies within some old member. A member
     * that does not is reported: an old one as {@code SUM_TYPE_NARROWED}, a new one as {@code SUM_TYPE_EXTENDED}.
     */
    private static void sum(String keyword, Comparison comparison, JsonNode old, JsonNode now, String path, List<SchemaChange> changes) {
        if (!old.has(keyword) && !now.has(keyword)) {
            return;
        }
        List<JsonNode> before = "oneOf".equals(keyword) ? all(old, keyword) : members(old, keyword);
        List<JsonNode> after = "oneOf".equals(keyword) ? all(now, keyword) : members(now, keyword);
        List<JsonNode> oldLeft = unmatched(before, after);
        List<JsonNode> newLeft = unmatched(after, before);
        JsonNode oldBeside = without(old, keyword);
        JsonNode newBeside = without(now, keyword);
        if (!old.has(keyword)) {
            if (after.stream().noneMatch(a -> within(comparison, oldBeside, a, path, true))) {
                changes.add(new SchemaChange(path, ChangeRule.SUM_TYPE_NARROWED, keyword + " added: the schema beside it is within none of "
                        + "its members"));
            }
        } else if (!now.has(keyword)) {
            if (before.stream().noneMatch(r -> within(comparison, r, newBeside, path, false))) {
                changes.add(new SchemaChange(path, ChangeRule.SUM_TYPE_EXTENDED, keyword + " removed: the schema beside it is within none "
                        + "of its members"));
            }
        } else {
            for (JsonNode member : oldLeft) {
                JsonNode documents = Conjunction.of(oldBeside, member);
                if (after.stream().noneMatch(a -> within(comparison, documents, a, path, true))) {
                    changes.add(new SchemaChange(path, ChangeRule.SUM_TYPE_NARROWED, keyword + " member " + member
                            + " is within no new member"));
                }
            }
            for (JsonNode member : newLeft) {
                JsonNode documents = Conjunction.of(newBeside, member);
                if (before.stream().noneMatch(r -> within(comparison, r, documents, path, false))) {
                    changes.add(new SchemaChange(path, ChangeRule.SUM_TYPE_EXTENDED, keyword + " member " + member
                            + " is within no old member"));
                }
            }
        }
        boolean changed = !oldLeft.isEmpty() || !newLeft.isEmpty() || old.has(keyword) != now.has(keyword);
        if ("oneOf".equals(keyword) && changed) {
            boolean newExclusive = Disjointness.pairwise(after, comparison.newRoot());
            boolean oldExclusive = Disjointness.pairwise(before, comparison.oldRoot());
            if (!newExclusive || !oldExclusive) {
                changes.add(new SchemaChange(path, ChangeRule.SUM_TYPE_MEMBERS_OVERLAP, "oneOf members "
                        + (newExclusive ? "before" : "after") + " the change may overlap", newExclusive, oldExclusive));
            }
        }
    }

    /**
     * Whether the old schema lies within the new one as far as the direction asks: backward, every document of
     * {@code before} is one of {@code after}; forward, the other way round.
     */
    private static boolean within(Comparison comparison, JsonNode before, JsonNode after, String path, boolean backward) {
        return comparison.compare(before, after, path).stream().allMatch(backward ? SchemaChange::backwardSafe : SchemaChange::forwardSafe);
    }

    /** Members with no equal member on the other side (members with a reference are never taken as equal: it may point elsewhere). */
    private static List<JsonNode> unmatched(List<JsonNode> members, List<JsonNode> others) {
        List<JsonNode> left = new ArrayList<>(others);
        List<JsonNode> unmatched = new ArrayList<>();
        for (JsonNode member : members) {
            if (Schemas.containsRef(member) || !left.remove(member)) {
                unmatched.add(member);
            }
        }
        return unmatched;
    }

    /** The schema beside a keyword: the node without it, and without what only the root means ($schema, $defs, $id). */
    private static JsonNode without(JsonNode schema, String keyword) {
        ObjectNode copy = ((ObjectNode) schema).deepCopy();
        copy.remove(List.of(keyword, "$schema", "$id", "$defs", "definitions"));
        return copy;
    }

    /**
     * {@code not S}: the schema accepts more when S accepts less, so S is compared the other way round. A new
     * {@code not} that no old document can match (their types do not meet) costs nothing backward.
     */
    private static void not(Comparison comparison, JsonNode old, JsonNode now, String path, List<SchemaChange> changes) {
        if (!old.has("not") && !now.has("not")) {
            return;
        }
        JsonNode before = old.has("not") ? old.get("not") : Schemas.FALSE;
        JsonNode after = now.has("not") ? now.get("not") : Schemas.FALSE;
        List<SchemaChange> inner = comparison.swapped().compare(after, before, path + "{not}");
        if (inner.isEmpty()) {
            return;
        }
        SchemaChange summed = SchemaChange.summing(path, ObjectDiff.byVerdict(inner, ChangeRule.NOT_TYPE_NARROWED,
                ChangeRule.NOT_TYPE_EXTENDED, ChangeRule.NOT_TYPE_CHANGED), "not " + Schemas.text(old.path("not")) + " → "
                + Schemas.text(now.path("not")) + ", compared new to old", inner);
        boolean backward = summed.backwardSafe() || Disjointness.disjoint(old, comparison.oldRoot(), after, comparison.newRoot());
        boolean forward = summed.forwardSafe() || Disjointness.disjoint(now, comparison.newRoot(), before, comparison.oldRoot());
        changes.add(new SchemaChange(summed.path(), summed.rule(), summed.detail(), backward, forward));
    }

    /**
     * With the same {@code if}, {@code then} and {@code else} are constraints like any other (a missing one is
     * {@code true}; {@code then} only ever sees documents of the types {@code if} admits, and is read so); a conditional added or removed is compared as one whose branches were {@code true}; a changed
     * {@code if} is undecided.
     */
    private static void conditional(Comparison comparison, JsonNode old, JsonNode now, String path, List<SchemaChange> changes) {
        if (!old.has("if") && !now.has("if")) {
            return;
        }
        if (old.has("if") && now.has("if") && (!old.get("if").equals(now.get("if")) || Schemas.containsRef(old.get("if")))) {
            changes.add(new SchemaChange(path, ChangeRule.UNDECIDABLE, KeywordDiff.describe("if", old, now)));
            return;
        }
        List<SchemaChange> inner = new ArrayList<>();
        JsonNode condition = old.has("if") ? old.get("if") : now.get("if");
        Set<String> types = condition.isObject() && !KeywordDiff.valueBesideType(condition)
                ? KeywordDiff.possibleTypes(condition) : KeywordDiff.types(MissingNode.getInstance());
        comparison.compare(Schemas.typed(branch(old, "then"), types), Schemas.typed(branch(now, "then"), types), path, inner);
        comparison.compare(branch(old, "else"), branch(now, "else"), path, inner);
        if (old.has("if") && now.has("if")) {
            changes.addAll(inner);
        } else if (!inner.isEmpty()) {
            ChangeRule rule = now.has("if") ? ChangeRule.CONDITIONAL_ADDED : ChangeRule.CONDITIONAL_REMOVED;
            changes.add(SchemaChange.summing(path, rule, "if " + (now.has("if") ? now : old).get("if"), inner));
        }
    }

    /** A branch of the conditional, {@code true} when the schema has no {@code if} (or no such branch). */
    private static JsonNode branch(JsonNode schema, String name) {
        return schema.has("if") ? schema.path(name) : Schemas.TRUE;
    }

    /** The members of {@code oneOf}, duplicates included: a document matching a duplicated member matches two. */
    private static List<JsonNode> all(JsonNode schema, String keyword) {
        List<JsonNode> members = new ArrayList<>();
        schema.path(keyword).forEach(members::add);
        return members;
    }

    /** The members of a composition keyword, each once. */
    private static List<JsonNode> members(JsonNode schema, String keyword) {
        LinkedHashSet<JsonNode> members = new LinkedHashSet<>();
        schema.path(keyword).forEach(members::add);
        return new ArrayList<>(members);
    }
}
