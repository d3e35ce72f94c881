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

    /**
     * Whether a key belongs to the canary; deterministic (String.hashCode is specified), so usable in
     * workflow code. A share is taken by the key's hash, mixed first when {@code spread}: keys that differ
     * only in their last characters (C000001, C000002, …) have hash codes a few dozen apart, so without the
     * mixing a page of such keys fell into the canary all at once or not at all (30 % took every one of
     * C000001..C000060). Runs recorded before the mixing keep the raw hash on replay.
     */
    public boolean includes(String key, boolean spread) {
        if (keys != null && !keys.isEmpty()) {
            return keys.contains(key);
        }
        double share = percent == null ? 1.0 : percent;
        int hash = spread ? mix(key.hashCode()) : key.hashCode();
        return Math.floorMod(hash, 10_000) < share * 100;
    }

    /** MurmurHash3's finaliser: every input bit affects every output bit. */
    private static int mix(int hash) {
        int h = hash ^ (hash >>> 16);
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }
}
