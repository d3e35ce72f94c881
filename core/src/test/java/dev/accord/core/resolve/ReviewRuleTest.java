package dev.accord.core.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.accord.core.TestContracts;
import dev.accord.core.contract.Contract;
import dev.accord.core.contract.ReviewRule;
import dev.accord.core.record.CanonicalRecord;
import dev.accord.core.record.SourceChange;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract's review rule (example: a credit limit that drops by more than 50% waits for finance). */
class ReviewRuleTest {

    private static final Instant T0 = Instant.parse("2024-03-01T09:00:00Z");
    private final Contract contract = TestContracts.example();
    private final Resolver resolver = new Resolver(contract, "customer");
    private CanonicalRecord record = CanonicalRecord.empty("customer", "C000001");

    @Test
    void theExampleContractDeclaresTheCreditLimitRule() {
        ReviewRule rule = contract.domain("customer").fields().get("credit_limit").review();

        assertThat(rule.dropsByMoreThan()).isEqualByComparingTo("50");
        assertThat(rule.risesByMoreThan()).isNull();
        assertThat(rule.deadline()).isEqualTo(Duration.ofHours(24));
        assertThat(rule.defaultAction()).isEqualTo("reject");
        assertThat(contract.domain("customer").fields().get("name").review()).isEqualTo(ReviewRule.DEFAULTS);
    }

    @Test
    void aCutOfMoreThanHalfByTheOwnerItselfWaitsForAHuman() {
        apply(credit(1, 0, "10000.00"));

        Resolution cut = apply(credit(2, 10, "3000.00"));

        assertThat(cut.outcome()).isEqualTo(Decision.NEEDS_REVIEW);
        assertThat(cut.fields().get(0).reason()).isEqualTo(
                "credit_limit drops by 70% (from 10000.00 to 3000.00), more than the 50% the contract allows without review");
        assertThat(record.field("credit_limit").value().decimalValue()).isEqualByComparingTo("10000");
        assertThat(cut.changes().changesTargets()).isFalse();
    }

    @Test
    void aCutOfAtMostHalfAndAnyRiseApply() {
        apply(credit(1, 0, "10000.00"));

        assertThat(apply(credit(2, 10, "5000.00")).outcome()).as("exactly 50%").isEqualTo(Decision.APPLIED);
        assertThat(apply(credit(3, 20, "90000.00")).outcome()).as("a rise; the rule only limits drops").isEqualTo(Decision.APPLIED);
        assertThat(record.field("credit_limit").value().decimalValue()).isEqualByComparingTo("90000");
    }

    @Test
    void aRuleOnRisesParksBigRisesAndNothingElse() {
        ReviewRule rule = new ReviewRule(null, new BigDecimal("200"), Duration.ofHours(1), "approve");

        assertThat(rule.trigger(number("100"), number("301"))).hasValueSatisfying(r -> assertThat(r).startsWith("rises by 201%"));
        assertThat(rule.trigger(number("100"), number("300"))).isEmpty();
        assertThat(rule.trigger(number("100"), number("1"))).isEmpty();
        assertThat(rule.trigger(number("0"), number("1000"))).as("from zero there is no percentage").isEmpty();
        assertThat(rule.trigger(null, number("1000"))).as("a first value").isEmpty();
        assertThat(rule.trigger(number("100"), NullNode.getInstance())).as("cleared: left to the merge strategy").isEmpty();
    }

    @Test
    void badReviewSettingsAreReportedWhereTheyAre() {
        String rule = "        review:                      # and a contract rule: a cut of more than half waits for finance,\n"
                + "          when-drops-by-more-than: 50%   # even from billing itself\n"
                + "          deadline: 24h              # nobody decided by then: escalate (metric + log) and apply the default\n"
                + "          default: reject            # keep the golden value\n";
        String broken = TestContracts.exampleWith(rule, "        review: { when-drops-by-more-than: half, deadline: soon, default: maybe }\n");

        assertThatThrownBy(() -> TestContracts.load(broken)).satisfies(e -> {
            String message = e.getMessage();
            assertThat(message).contains("domains.customer.fields.credit_limit.review.when-drops-by-more-than: 'half' is not a percentage");
            assertThat(message).contains("review.deadline: 'soon' is not a positive duration");
            assertThat(message).contains("review.default: unknown default 'maybe'");
        });
        String onText = TestContracts.exampleWith("        description: Legal or display name.", "        description: Legal or display name.\n"
                + "        review: { when-drops-by-more-than: 10% }");
        assertThatThrownBy(() -> TestContracts.load(onText))
                .hasMessageContaining("'when-drops-by-more-than' and 'when-rises-by-more-than' compare numbers, but the field is a string");
    }

    private Resolution apply(SourceChange change) {
        Resolution resolution = resolver.resolve(record, change, false, Map.of());
        record = resolution.after();
        return resolution;
    }

    private SourceChange credit(long version, int seconds, String euros) {
        Map<String, JsonNode> fields = Map.of("credit_limit", number(euros), "customer_id", TextNode.valueOf(record.key()));
        return SourceChange.upsert("billing", "customer", record.key(), version, T0.plusSeconds(seconds), fields);
    }

    private static JsonNode number(String value) {
        return DecimalNode.valueOf(new BigDecimal(value));
    }
}
