package dev.accord.workflows.quarantine;

import java.util.Map;

/**
 * What a replay did so far, or in the end.
 *
 * @param state planning, replaying, holding (a system held the writes), finished or failed
 * @param entries quarantine entries replayed
 * @param counts per record decision and per {@code <target>:<status>}, plus {@code entries:replayed} and
 *     {@code entries:open} (quarantined again)
 */
public record QuarantineReplayResult(String flow, String runId, String state, long pages, long entries, Map<String, Long> counts) {}
