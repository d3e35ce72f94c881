package dev.accord.workflows.activities;

import dev.accord.core.resolve.Decision;

/**
 * What the page decided for one record, in a page's activity result: its key and decision, nothing else (no values,
 * no versions), so every record's path stays in the history at a few bytes each. {@code accord explain} has the rest.
 */
public record RecordDecision(String key, Decision decision) {}
