package dev.accord.workflows.runs;

/** What kind of run a workflow is, as the {@code AccordRunKind} search attribute spells it. */
public enum RunKind {
    SYNC("sync"),
    BACKFILL("backfill"),
    CHUNK("chunk"),
    ROLLBACK("rollback"),
    REVIEW("review"),
    FRESHNESS("freshness"),
    QUARANTINE_REPLAY("quarantine-replay");

    private final String spelling;

    RunKind(String spelling) {
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
