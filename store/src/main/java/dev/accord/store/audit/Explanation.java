package dev.accord.store.audit;

import java.util.List;

/**
 * How a record got its values: every field event in order, and every write to every target.
 *
 * @param masked whether PII values were masked for this caller
 * @param ids the record's own id in each system that keeps its own ids (the cross-reference), by system name; empty when
 *     no such system holds it
 */
public record Explanation(String domain, String key, boolean deleted, List<FieldEvent> fields, List<TargetEvent> writes,
                          boolean masked, List<SystemId> ids) {

    /** One system's id for the record, and how the link was made ({@code new}, {@code matched} by a rule, {@code assigned}…). */
    public record SystemId(String system, String localId, String how, String rule) {}
}
