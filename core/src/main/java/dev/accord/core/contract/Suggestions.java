package dev.accord.core.contract;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean …" for misspelt keys and names, by edit distance. */
final class Suggestions {

    private Suggestions() {}

    static Optional<String> closest(String wrong, Collection<String> candidates) {
        return candidates.stream()
                .filter(c -> distance(wrong, c) <= Math.max(2, c.length() / 3))
                .min(Comparator.comparingInt((String c) -> distance(wrong, c)).thenComparing(c -> c));
    }

    /** A hint naming the closest candidate, or listing them all when none is close. */
    static String hint(String wrong, Collection<String> candidates) {
        return closest(wrong, candidates)
                .map(c -> "did you mean '" + c + "'?")
                .orElse(candidates.isEmpty() ? null : "expected one of: " + String.join(", ", candidates));
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
