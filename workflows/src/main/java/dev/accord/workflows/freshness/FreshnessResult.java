package dev.accord.workflows.freshness;

import dev.accord.workflows.activities.CatchUpResult;
import dev.accord.workflows.activities.FreshnessReport;

/** One check's outcome: the measurement, and the catch-up sync it started (null when none was needed). */
public record FreshnessResult(FreshnessReport report, CatchUpResult catchUp) {}
