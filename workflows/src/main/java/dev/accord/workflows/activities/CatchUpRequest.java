package dev.accord.workflows.activities;

/** Catch up a flow that breached its SLA; the check it answers is {@code checkId}. */
public record CatchUpRequest(String flow, long checkId) {}
