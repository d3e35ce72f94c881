package dev.accord.workflows.activities;

import dev.accord.core.page.RunRef;
import java.util.Map;

/** Close the run record with its final state and counts per decision. */
public record FinishRunRequest(String flow, RunRef run, String state, long pages, Map<String, Long> counts) {}
