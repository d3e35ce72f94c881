package dev.accord.core.page;

/** Where a page belongs: the flow, the run, and the page's number within the run (from 1). */
public record PageRef(String flow, RunRef run, long page) {}
