package dev.accord.workflows.sync;

import java.util.List;

/**
 * Deliver to a canary first: the records whose key is listed, or a share of them by a stable hash of the
 * key. Once the canary's records read back from every target exactly as the golden records say, the rest
 * follows; if they do not, the run stops and reverts what it wrote.
 *
 * @param percent share of keys in the canary, 0 < percent ≤ 100 (ignored when keys are given)
 * @param keys the canary's keys
 */
public record CanaryOptions(Double percent, List<String> keys) {

    /** Whether a key belongs to the canary; deterministic (String.hashCode is specified), so usable in workflow code. */
    public boolean includes(String key) {
        if (keys != null && !keys.isEmpty()) {
            return keys.contains(key);
        }
        double share = percent == null ? 1.0 : percent;
        return Math.floorMod(key.hashCode(), 10_000) < share * 100;
    }
}
