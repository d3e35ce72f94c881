package dev.accord.store.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One quarantine entry as an operator sees it (CLI, HTTP API): where it came from, why, the payload as first read
 * (the source row's columns at ingress, the delivered fields at egress) and its life.
 *
 * @param egress quarantined before a write to {@code system} (a target), not when read from the flow's source
 * @param masked values of PII fields (and a message about one) were replaced with {@code ***}
 */
public record QuarantineView(long id, String flow, String system, String domain, String key, boolean egress, String reasonCode,
                             String path, String message, JsonNode payload, String state, long seenCount, Instant firstSeen,
                             Instant lastSeen, String actedBy, Instant actedAt, String note, String replayWorkflowId,
                             String replayRunId, String replayOutcome, String dedupKey, String workflowId, String runId, long page,
                             boolean masked) {}
