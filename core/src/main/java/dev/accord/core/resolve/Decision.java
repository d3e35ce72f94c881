package dev.accord.core.resolve;

/**
 * What happened to one field of one change (or to a whole record). Spelled in lower-case with dashes
 * wherever people read it: logs, the event history, the CLI and the API.
 */
public enum Decision {
    /** The change advanced the field and its value is now the golden value. */
    APPLIED("applied"),
    /**
     * The change advances the field's version but carries the value the golden record already holds:
     * recorded (the version moves on), nothing for targets to do.
     */
    UNCHANGED("unchanged"),
    /** The same change (dedup key) was processed before; counted, not an error. */
    DUPLICATE("duplicate"),
    /** The change does not advance the field's version under its merge strategy. */
    STALE("stale"),
    /** The producing system may not write this field. */
    REJECTED_NOT_OWNER("rejected-not-owner"),
    /** The field's merge strategy asks a human to decide; the change is parked for review. */
    NEEDS_REVIEW("needs-review"),
    /** The record broke a rule at the boundary and went to quarantine instead of a target. */
    QUARANTINED("quarantined"),
    /**
     * The field did not change at the source: it still holds what Accord wrote there or what the system
     * reported before, or it repeats the golden value; dropped, so two-way syncs do not ping-pong and a
     * row-level timestamp does not make an unchanged field look new.
     */
    ECHO("echo");

    private final String spelling;

    Decision(String spelling) {
        this.spelling = spelling;
    }

    public String spelling() {
        return spelling;
    }

    @Override
    public String toString() {
        return spelling;
    }
}
