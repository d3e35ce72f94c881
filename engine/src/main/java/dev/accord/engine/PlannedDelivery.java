package dev.accord.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.connectors.TargetWrite;
import java.util.List;
import java.util.Map;

/**
 * The writes that bring one target row to the golden record, with the canonical before- and after-image
 * of the fields they touch (for the change log and rollback).
 *
 * @param operation insert, update, delete or undelete; null when the row already matches
 * @param before canonical values of the touched fields before; null when the row was absent
 * @param after canonical values written; null for a delete
 * @param fromVersion the row's version before, null when absent
 * @param beforeLocal the touched columns' values before, in the target's own terms; null when absent
 */
record PlannedDelivery(String key, String operation, List<TargetWrite> writes, Map<String, JsonNode> before,
                       Map<String, JsonNode> after, Long fromVersion, Map<String, Object> beforeLocal) {

    static PlannedDelivery unchanged(String key, Long version) {
        return new PlannedDelivery(key, null, List.of(), null, null, version, null);
    }

    boolean isUnchanged() {
        return writes.isEmpty();
    }

    boolean writesValues() {
        return after != null;
    }
}
