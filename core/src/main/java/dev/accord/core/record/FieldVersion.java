package dev.accord.core.record;

import java.time.Instant;

/**
 * Where a field's value came from: the producing system, that system's version of the record
 * (monotonic per system and key) and when the change happened at the source.
 */
public record FieldVersion(String system, long sourceVersion, Instant timestamp) {

    /** True when both name the same change of the same system. */
    public boolean sameChangeAs(FieldVersion other) {
        return other != null && system.equals(other.system) && sourceVersion == other.sourceVersion;
    }

    @Override
    public String toString() {
        return system + "@" + sourceVersion + " (" + timestamp + ")";
    }
}
