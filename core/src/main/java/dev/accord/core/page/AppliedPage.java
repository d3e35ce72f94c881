package dev.accord.core.page;

import java.util.List;

/**
 * The outcome of delivering a page to one target.
 *
 * @param held true when the kill switch or an open circuit held the writes: nothing was written
 */
public record AppliedPage(String target, List<TargetOutcome> records, boolean held) {}
