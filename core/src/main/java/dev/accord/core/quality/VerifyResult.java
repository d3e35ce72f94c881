package dev.accord.core.quality;

import java.util.List;

/**
 * What a read-back found.
 *
 * @param mismatches {@code target/key: what differs} for every row that does not hold its golden record
 */
public record VerifyResult(int checked, List<String> mismatches) {

    public boolean passed() {
        return mismatches.isEmpty();
    }
}
