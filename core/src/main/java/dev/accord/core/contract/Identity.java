package dev.accord.core.contract;

import java.util.List;

/**
 * How a domain links the records of systems that keep their own ids ({@link LocalKey}) to golden records.
 *
 * @param match the rules tried in order for a record seen for the first time in a system; the first rule that applies
 *     to the record and finds any golden record decides
 * @param onAmbiguous what happens to a record that matches more than one golden record
 */
public record Identity(List<MatchRule> match, OnAmbiguous onAmbiguous) {

    /** No match rules: every record seen for the first time in a system becomes a new golden record. */
    public static final Identity NONE = new Identity(List.of(), OnAmbiguous.QUARANTINE);

    public Identity {
        match = List.copyOf(match);
    }

    /** What becomes of a record that matches more than one golden record. */
    public enum OnAmbiguous {
        /** Quarantined with reason AMBIGUOUS_MATCH, the candidates named, until a steward links it and replays it. */
        QUARANTINE
    }
}
