package dev.accord.core.resolve;

import java.util.List;

/**
 * Summarises field decisions into one record-level decision. Precedence: applied, needs-review,
 * rejected-not-owner, stale, unchanged, echo, duplicate: the most consequential thing that happened wins.
 */
final class Outcomes {

    private static final List<Decision> PRECEDENCE = List.of(Decision.APPLIED, Decision.NEEDS_REVIEW,
            Decision.REJECTED_NOT_OWNER, Decision.STALE, Decision.UNCHANGED, Decision.ECHO, Decision.DUPLICATE);

    private Outcomes() {}

    static Decision summarise(List<FieldDecision> decisions) {
        for (Decision candidate : PRECEDENCE) {
            if (decisions.stream().anyMatch(d -> d.decision() == candidate)) {
                return candidate;
            }
        }
        return Decision.STALE;
    }
}
