package dev.accord.workflows.freshness;

import dev.accord.core.quality.FreshnessReport;
import dev.accord.workflows.activities.CatchUpResult;

/** One check's outcome: the measurement, and the catch-up sync it started (null when none was needed). */
public record FreshnessResult(FreshnessReport report, CatchUpResult catchUp) {}
