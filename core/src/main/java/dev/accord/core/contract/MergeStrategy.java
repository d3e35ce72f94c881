package dev.accord.core.contract;

import java.util.Arrays;
import java.util.Optional;

/**
 * How competing writes to one canonical field are decided.
 *
 * <ul>
 *   <li>{@code owner-wins}: only the field's owner may write it; its newer versions win.</li>
 *   <li>{@code last-writer-wins}: any permitted writer; the newest change wins, ties broken by
 *       timestamp, then system priority, then system name, then source version.</li>
 *   <li>{@code source-priority}: an ordered list of systems; a higher-ranked system's value wins
 *       over a lower one, and within one system the newer version wins.</li>
 *   <li>{@code review}: a change that would overwrite another system's value is parked for a human.</li>
 * </ul>
 */
public enum MergeStrategy {
    OWNER_WINS("owner-wins"),
    LAST_WRITER_WINS("last-writer-wins"),
    SOURCE_PRIORITY("source-priority"),
    REVIEW("review");

    private final String spelling;

    MergeStrategy(String spelling) {
        this.spelling = spelling;
    }

    public String spelling() {
        return spelling;
    }

    public static Optional<MergeStrategy> parse(String text) {
        return Arrays.stream(values()).filter(m -> m.spelling.equals(text)).findFirst();
    }
}
