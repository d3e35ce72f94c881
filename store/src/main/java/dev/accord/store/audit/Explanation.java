package dev.accord.store.audit;

import java.util.List;

/**
 * How a record got its values: every field event in order, and every write to every target.
 *
 * @param masked whether PII values were masked for this caller
 */
public record Explanation(String domain, String key, boolean deleted, List<FieldEvent> fields, List<TargetEvent> writes,
                          boolean masked) {}
