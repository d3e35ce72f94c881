package dev.accord.workflows.activities;

import java.util.List;

/**
 * The next quarantine entries of a flow to replay, in id order after {@code afterId}: the listed ones that are
 * not discarded, or else the open ones the filter selects.
 *
 * @param ids entry ids; empty for the filter
 * @param reason a reason code, or null for any
 * @param key a record key, or null for any
 */
public record ReplaySelection(String flow, List<Long> ids, String reason, String key, long afterId, int limit) {}
