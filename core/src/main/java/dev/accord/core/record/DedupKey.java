package dev.accord.core.record;

/**
 * Identifies one change of one source: (system, domain, key, source version). Seeing the same dedup key
 * twice means the change was already processed; the second time is a counted no-op.
 */
public record DedupKey(String system, String domain, String key, long sourceVersion) {

    /** A single text form, for storage; the key comes last so that separators inside it do no harm. */
    public String asText() {
        return system + "|" + domain + "|" + sourceVersion + "|" + key;
    }

    @Override
    public String toString() {
        return asText();
    }
}
