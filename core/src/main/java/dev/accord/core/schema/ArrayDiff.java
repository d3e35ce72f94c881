package dev.accord.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The array content model: the tuple positions ({@code prefixItems}, or draft-07's array-form {@code items}) and the
 * schema for the items beyond them ({@code items}, or draft-07's {@code additionalItems}), compared position by
 * position; then {@code contains}. The bounds ({@code minItems}, {@code maxContains}, …) are {@link KeywordDiff}'s.
 */
final class ArrayDiff {

    private ArrayDiff() {}

    static void compare(Comparison comparison, JsonNode old, JsonNode now, String path, List<SchemaChange> changes) {
        ItemModel before = ItemModel.of(old);
        ItemModel after = ItemModel.of(now);
        if (before.ambiguous() || after.ambiguous()) {
            if (!old.path("items").equals(now.path("items")) || !old.path("prefixItems").equals(now.path("prefixItems"))
                    || !old.path("additionalItems").equals(now.path("additionalItems"))) {
                changes.add(new SchemaChange(path, ChangeRule.UNDECIDABLE, "both prefixItems and array-form items"));
            }
        } else {
            items(comparison, before, after, path, changes);
        }
        contains(comparison, old, now, path, changes);
    }

    private static void items(Comparison comparison, ItemModel before, ItemModel after, String path, List<SchemaChange> changes) {
        int positions = Math.max(before.tuple().size(), after.tuple().size());
        for (int i = 0; i < positions; i++) {
            String at = path + "[" + i + "]";
            boolean declaredBefore = i < before.tuple().size();
            boolean declaredAfter = i < after.tuple().size();
            if (declaredBefore && declaredAfter) {
                comparison.compare(before.tuple().get(i), after.tuple().get(i), at, changes);
            } else if (declaredAfter) {
                List<SchemaChange> inner = comparison.compare(before.rest(), after.tuple().get(i), at);
                ChangeRule rule = Schemas.isFalse(before.rest()) ? ChangeRule.ITEM_ADDED_TO_CLOSED_CONTENT_MODEL
                        : Schemas.trivial(before.rest()) ? ChangeRule.ITEM_ADDED_TO_OPEN_CONTENT_MODEL
                        : inner.stream().allMatch(SchemaChange::backwardSafe) ? ChangeRule.ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL
                        : ChangeRule.ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL;
                if (!inner.isEmpty()) {
                    changes.add(SchemaChange.summing(at, rule, "tuple position " + i + " declared", inner));
                }
            } else {
                List<SchemaChange> inner = comparison.compare(before.tuple().get(i), after.rest(), at);
                ChangeRule rule = Schemas.isFalse(after.rest()) ? ChangeRule.ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL
                        : Schemas.trivial(after.rest()) ? ChangeRule.ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL
                        : inner.stream().allMatch(SchemaChange::backwardSafe) ? ChangeRule.ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL
                        : ChangeRule.ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL;
                if (!inner.isEmpty()) {
                    changes.add(SchemaChange.summing(at, rule, "tuple position " + i + " no longer declared", inner));
                }
            }
        }
        if (Schemas.isFalse(after.rest()) && !Schemas.isFalse(before.rest())) {
            changes.add(new SchemaChange(path + "[*]", ChangeRule.ADDITIONAL_ITEMS_REMOVED, "items beyond position "
                    + positions + ": " + before.rest() + " → false"));
        } else if (Schemas.isFalse(before.rest()) && !Schemas.isFalse(after.rest())) {
            changes.add(new SchemaChange(path + "[*]", ChangeRule.ADDITIONAL_ITEMS_ADDED, "items beyond position "
                    + positions + ": false → " + after.rest()));
        } else {
            comparison.compare(before.rest(), after.rest(), path + "[*]", changes);
        }
    }

    /**
     * {@code contains} counts matching items between {@code minContains} (1 by default) and {@code maxContains}: a
     * wider schema only helps reach the minimum, but may pass the maximum, so under {@code maxContains} a changed
     * schema is undecided.
     */
    private static void contains(Comparison comparison, JsonNode old, JsonNode now, String path, List<SchemaChange> changes) {
        JsonNode before = old.path("contains");
        JsonNode after = now.path("contains");
        if (before.isMissingNode() && after.isMissingNode()) {
            return;
        }
        if (before.isMissingNode()) {
            changes.add(new SchemaChange(path, ChangeRule.CONTAINS_ADDED, "contains " + after));
            return;
        }
        if (after.isMissingNode()) {
            changes.add(new SchemaChange(path, ChangeRule.CONTAINS_REMOVED, "contains " + before));
            return;
        }
        List<SchemaChange> inner = comparison.compare(before, after, path + "{contains}");
        if (inner.isEmpty()) {
            return;
        }
        if (old.has("maxContains") || now.has("maxContains")) {
            changes.add(new SchemaChange(path, ChangeRule.CONTAINS_CHANGED, "contains changed under maxContains", false, false));
        } else {
            changes.add(SchemaChange.summing(path, ObjectDiff.byVerdict(inner, ChangeRule.CONTAINS_EXTENDED, ChangeRule.CONTAINS_NARROWED,
                    ChangeRule.CONTAINS_CHANGED), "contains", inner));
        }
    }
}
