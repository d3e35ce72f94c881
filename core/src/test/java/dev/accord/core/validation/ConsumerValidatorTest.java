package dev.accord.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.accord.core.TestContracts;
import dev.accord.core.contract.DomainMapping;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Before apply, values are checked against what the target declared it reads. */
class ConsumerValidatorTest {

    private static final String BILLING_FIELDS = "        fields:\n          customer_id: customer_ref\n";
    private static final DomainMapping BILLING = TestContracts.load(dev.accord.core.PlainExample.with(BILLING_FIELDS,
            "        reads:\n          plan: { type: string, values: [free, pro] }\n          email: { required: true }\n"
                    + "          credit_limit: { type: decimal }\n" + BILLING_FIELDS)).mapping("billing", "customer");

    @Test
    void valuesTheConsumerHandlesPass() {
        assertThat(ConsumerValidator.validate("billing", BILLING, Map.of("plan", TextNode.valueOf("pro"),
                "email", TextNode.valueOf("a@b.example"), "credit_limit", DecimalNode.valueOf(new BigDecimal("10.5"))), Set.of("plan", "email")))
                .isEmpty();
    }

    @Test
    void aValueOutsideTheDeclaredValuesIsNotAccepted() {
        assertThat(ConsumerValidator.validate("billing", BILLING, Map.of("plan", TextNode.valueOf("enterprise")), Set.of("plan")))
                .singleElement().satisfies(v -> {
                    assertThat(v.reason()).isEqualTo(ReasonCode.CONSUMER_VALUE_NOT_ACCEPTED);
                    assertThat(v.path()).isEqualTo("$.plan");
                    assertThat(v.message()).contains("billing handles only free, pro", "'enterprise'");
                });
    }

    @Test
    void aNeededFieldThatIsEmptyIsReportedOnlyWhenInScope() {
        Map<String, JsonNode> noEmail = Map.of("email", NullNode.getInstance());

        assertThat(ConsumerValidator.validate("billing", BILLING, noEmail, Set.of("email")))
                .extracting(Violation::reason).containsExactly(ReasonCode.CONSUMER_REQUIRED_MISSING);
        assertThat(ConsumerValidator.validate("billing", BILLING, noEmail, Set.of("plan"))).isEmpty();
    }

    @Test
    void aValueOfAnotherTypeIsReported() {
        assertThat(ConsumerValidator.validate("billing", BILLING, Map.of("credit_limit", TextNode.valueOf("lots")), Set.of()))
                .extracting(Violation::reason, Violation::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ReasonCode.CONSUMER_TYPE, "$.credit_limit"));
    }

    @Test
    void aTargetWithoutDeclarationsAcceptsAnything() {
        DomainMapping support = TestContracts.example().mapping("support", "customer");

        assertThat(ConsumerValidator.validate("support", support, Map.of("plan", TextNode.valueOf("anything")), Set.of("plan"))).isEmpty();
    }
}
