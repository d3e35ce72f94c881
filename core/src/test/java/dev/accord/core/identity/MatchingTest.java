package dev.accord.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.accord.core.contract.MatchRule;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Match keys, the match decision and minted canonical ids. */
class MatchingTest {

    private static final List<MatchRule> RULES = List.of(new MatchRule("email", List.of("email")),
            new MatchRule("tax", List.of("tax_id", "country")));

    @Test
    void valuesAreComparedTrimmedCaseFoldedAndInNfc() {
        Map<String, String> a = MatchKeys.of(RULES, Map.of("email", text(" Ann@Example.COM ")));
        Map<String, String> b = MatchKeys.of(RULES, Map.of("email", text("ann@example.com")));
        Map<String, String> composed = MatchKeys.of(RULES, Map.of("email", text("jos\u00e9@example.com")));
        Map<String, String> decomposed = MatchKeys.of(RULES, Map.of("email", text("jose\u0301@example.com")));

        assertThat(a).isEqualTo(b).containsOnlyKeys("email");
        assertThat(composed).isEqualTo(decomposed);
        assertThat(a.get("email")).hasSize(64).doesNotContain("ann");
    }

    @Test
    void aRuleAppliesOnlyWhenEveryFieldHoldsAValue() {
        assertThat(MatchKeys.of(RULES, Map.of("tax_id", text("T1")))).isEmpty();
        assertThat(MatchKeys.of(RULES, Map.of("email", NullNode.getInstance(), "tax_id", text("T1"), "country", text("  ")))).isEmpty();
        assertThat(MatchKeys.of(RULES, Map.of("tax_id", text("T1"), "country", text("DE")))).containsOnlyKeys("tax");
        assertThat(MatchKeys.of(List.of(new MatchRule("n", List.of("n"))), Map.of("n", DecimalNode.valueOf(new BigDecimal("1.50")))))
                .isEqualTo(MatchKeys.of(List.of(new MatchRule("n", List.of("n"))), Map.of("n", DecimalNode.valueOf(new BigDecimal("1.5")))));
    }

    @Test
    void sameValuesUnderTwoRulesGiveTwoKeys() {
        List<MatchRule> rules = List.of(new MatchRule("a", List.of("x")), new MatchRule("b", List.of("x")));
        Map<String, String> keys = MatchKeys.of(rules, Map.of("x", text("v")));

        assertThat(keys.get("a")).isNotEqualTo(keys.get("b"));
    }

    @Test
    void theFirstRuleThatFindsAnyGoldenRecordDecides() {
        Map<String, String> keys = MatchKeys.of(RULES, Map.of("email", text("a@x"), "tax_id", text("T"), "country", text("DE")));
        Map<String, Set<String>> index = new HashMap<>();

        assertThat(Matcher.decide(keys, (rule, key) -> index.getOrDefault(rule, Set.of()))).isInstanceOf(MatchDecision.New.class);
        index.put("tax", Set.of("g2"));
        assertThat(Matcher.decide(keys, (rule, key) -> index.getOrDefault(rule, Set.of()))).isEqualTo(new MatchDecision.Link("g2", "tax"));
        index.put("email", Set.of("g1"));
        assertThat(Matcher.decide(keys, (rule, key) -> index.getOrDefault(rule, Set.of()))).isEqualTo(new MatchDecision.Link("g1", "email"));
        index.put("email", Set.of("g3", "g1"));
        assertThat(Matcher.decide(keys, (rule, key) -> index.getOrDefault(rule, Set.of())))
                .isEqualTo(new MatchDecision.Ambiguous("email", List.of("g1", "g3")));
    }

    @Test
    void mintedIdsAreVersion7UuidsOrderedByTime() {
        Instant start = Instant.parse("2026-12-02T10:00:00Z");
        Random random = new Random(7);
        String first = new CanonicalIds(Clock.fixed(start, ZoneOffset.UTC), random).mint();
        String later = new CanonicalIds(Clock.fixed(start.plusMillis(1), ZoneOffset.UTC), random).mint();

        UUID uuid = UUID.fromString(first);
        assertThat(uuid.version()).isEqualTo(7);
        assertThat(uuid.variant()).isEqualTo(2);
        assertThat(uuid.getMostSignificantBits() >>> 16).isEqualTo(start.toEpochMilli());
        assertThat(later).isGreaterThan(first);
        assertThat(new CanonicalIds(Clock.fixed(start, ZoneOffset.UTC), random).mint()).isNotEqualTo(first);
    }

    private static JsonNode text(String value) {
        return TextNode.valueOf(value);
    }
}
