package dev.accord.workflows.activities;

/** Split a flow's source (or a key range of it) into chunks of about {@code rowsPerChunk} rows. */
public record PlanChunksRequest(String flow, KeyRange range, int rowsPerChunk) {}
