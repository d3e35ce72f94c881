package dev.accord.core.contract;

import java.util.List;

/**
 * One rule that decides whether a record seen for the first time in a system is an existing golden record: every one of
 * its canonical fields is equal, compared normalised (trimmed, case-folded, Unicode NFC).
 *
 * @param name the rule's name in quarantine reasons and the audit trail
 * @param fields the canonical fields compared, all of them present for the rule to apply
 */
public record MatchRule(String name, List<String> fields) {

    public MatchRule {
        fields = List.copyOf(fields);
    }
}
