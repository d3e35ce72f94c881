package dev.accord.workflows.freshness;

/** The flow to check; the only input, so a check can be started from the Temporal UI with {@code {"flow":"…"}}. */
public record FreshnessInput(String flow) {}
