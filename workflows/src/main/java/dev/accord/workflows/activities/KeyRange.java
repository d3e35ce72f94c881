package dev.accord.workflows.activities;

/**
 * A range of keys in the source's key order: after {@code afterKey} (exclusive; null from the first) up
 * to {@code lastKey} (inclusive; null to the last).
 */
public record KeyRange(String afterKey, String lastKey) {

    @Override
    public String toString() {
        return "(" + (afterKey == null ? "first" : afterKey) + ", " + (lastKey == null ? "last" : lastKey) + "]";
    }
}
