package dev.accord.workflows.activities;

/** Read up to {@code limit} current rows of the flow's source within {@code range}, in key order. */
public record ExtractRangeRequest(String flow, KeyRange range, int limit) {}
