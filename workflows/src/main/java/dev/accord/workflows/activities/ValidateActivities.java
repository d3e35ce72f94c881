package dev.accord.workflows.activities;

import dev.accord.core.page.ValidatedPage;
import io.temporal.activity.ActivityInterface;

/**
 * The ingress boundary: maps local rows to canonical changes, normalises and validates them against the
 * contract and its schema. Records that break a rule are quarantined (idempotently, by dedup key and
 * reason) and never reach a target.
 */
@ActivityInterface
public interface ValidateActivities {

    ValidatedPage validate(ValidateRequest request);
}
