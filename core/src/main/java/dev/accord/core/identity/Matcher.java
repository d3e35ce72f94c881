package dev.accord.core.identity;

import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * Decides a first sighting by the domain's match rules, in order: the first rule the record has values for that finds
 * any golden record decides — one is a link, more than one is ambiguous; when no rule finds one, the record is new.
 */
public final class Matcher {

    private Matcher() {}

    /**
     * @param keys the record's match keys by rule, in rule order ({@link MatchKeys#of})
     * @param candidates the canonical ids of the golden records holding a match key under a rule (rule, key)
     */
    public static MatchDecision decide(Map<String, String> keys, BiFunction<String, String, Set<String>> candidates) {
        for (Map.Entry<String, String> key : keys.entrySet()) {
            Set<String> found = new TreeSet<>(candidates.apply(key.getKey(), key.getValue()));
            if (found.size() == 1) {
                return new MatchDecision.Link(found.iterator().next(), key.getKey());
            }
            if (found.size() > 1) {
                return new MatchDecision.Ambiguous(key.getKey(), new ArrayList<>(found));
            }
        }
        return new MatchDecision.New();
    }
}
