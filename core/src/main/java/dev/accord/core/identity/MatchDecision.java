package dev.accord.core.identity;

import java.util.List;

/**
 * What the match rules decide for a record seen for the first time in a system: link it to one golden record, make it a
 * new golden record, or leave it to a steward because it matches several.
 */
public sealed interface MatchDecision {

    /** Exactly one golden record matched, by {@code rule}. */
    record Link(String canonicalId, String rule) implements MatchDecision {}

    /** No rule found any golden record. */
    record New() implements MatchDecision {}

    /** The first rule that found golden records found more than one; {@code candidates} in a stable order. */
    record Ambiguous(String rule, List<String> candidates) implements MatchDecision {

        public Ambiguous {
            candidates = List.copyOf(candidates);
        }
    }
}
