package dev.accord.workflows.activities;

import java.util.List;

/**
 * Deliver the golden records of {@code keys} to one target.
 *
 * @param keys the keys to deliver; empty to drain every pending delivery of the target (up to a batch)
 * @param dryRun compute the writes, write nothing
 */
public record ApplyRequest(PageRef page, String target, List<String> keys, boolean dryRun) {}
