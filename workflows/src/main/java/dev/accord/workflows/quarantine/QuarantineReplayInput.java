package dev.accord.workflows.quarantine;

import java.util.List;
import java.util.Map;

/**
 * Which quarantine entries of one flow to replay: the listed ones (open or replayed before; discarded ones are
 * left alone), or every open entry the filter selects. Only {@code flow} is required: from the Temporal UI,
 * {@code {"flow":"crm-customers","reason":"SCHEMA_CONSTRAINT"}} replays every open entry of that reason.
 *
 * @param ids entry ids; empty or null to select by the filter
 * @param reason only entries with this reason code; null for any
 * @param key only entries of this record key; null for any
 * @param requestedBy who asked for the replay, recorded with each entry
 * @param carried progress carried over by continue-as-new; null on a fresh start
 */
public record QuarantineReplayInput(String flow, List<Long> ids, String reason, String key, String requestedBy, Carried carried) {

    /** Where a replay that continued as new goes on: after entry {@code afterId}, with its pages and counts. */
    public record Carried(long afterId, long pages, long entries, Map<String, Long> counts) {}

    public QuarantineReplayInput withCarried(Carried next) {
        return new QuarantineReplayInput(flow, ids, reason, key, requestedBy, next);
    }
}
