package dev.accord.core.page;

import dev.accord.core.resolve.Decision;
import dev.accord.core.resolve.FieldDecision;
import java.util.List;

/**
 * What happened to one record of a page, as the event history shows it.
 *
 * @param dedupKey the change's dedup key (system|domain|version|key)
 * @param decision the record-level decision
 * @param fields per-field decisions with the versions compared (empty for quarantine)
 * @param detail reason codes and paths for quarantine, or a short note
 */
public record RecordOutcome(String key, String dedupKey, Decision decision, List<FieldDecision> fields, String detail) {}
