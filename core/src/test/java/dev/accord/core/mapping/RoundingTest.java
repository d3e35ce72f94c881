package dev.accord.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.DecimalNode;
import dev.accord.core.TestContracts;
import dev.accord.core.contract.Contract;
import dev.accord.core.contract.ContractException;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A unit conversion that leaves a fraction of the local unit (12.345 euros is 1234.5 cents) is rounded on its way to
 * the system only where the contract says so, and then the same way every time, so a delivery sees the row as
 * already holding the golden value; without {@code round:} the value goes out unrounded and the target refuses it.
 */
class RoundingTest {

    private static final String FACTOR = "            factor: 0.01               # cents in billing, euros in the canonical model\n";

    @Test
    void roundHalfEvenRoundsTheLocalValueToWholeCents() {
        RecordMapper billing = new RecordMapper(contractWith(FACTOR + "            round: half-even\n"), "billing", "customer");

        assertThat(local(billing, "12.345")).isEqualByComparingTo("1234");
        assertThat(local(billing, "12.355")).isEqualByComparingTo("1236");
        assertThat(local(billing, "12.34")).isEqualByComparingTo("1234");
        assertThat(billing.asStored("credit_limit", DecimalNode.valueOf(new BigDecimal("12.345"))).decimalValue())
                .isEqualByComparingTo("12.34");
    }

    @Test
    void roundToKeepsTheGivenDecimalPlacesOfTheLocalValue() {
        RecordMapper billing = new RecordMapper(contractWith(FACTOR + "            round: half-up\n            round-to: 1\n"), "billing",
                "customer");

        assertThat(local(billing, "12.3456")).isEqualByComparingTo("1234.6");
    }

    @Test
    void withoutRoundTheFractionOfACentGoesOutAsItIs() {
        RecordMapper billing = new RecordMapper(TestContracts.example(), "billing", "customer");

        assertThat(local(billing, "12.345")).isEqualByComparingTo("1234.5");
        assertThat(billing.asStored("credit_limit", DecimalNode.valueOf(new BigDecimal("12.345"))).decimalValue())
                .isEqualByComparingTo("12.345");
    }

    @Test
    void anUnknownModeIsAContractProblemAtItsLine() {
        assertThatThrownBy(() -> contractWith(FACTOR + "            round: bankers\n"))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining("unknown rounding mode 'bankers'").hasMessageContaining("half-even");
    }

    private static Contract contractWith(String replacement) {
        return TestContracts.load(TestContracts.exampleWith(FACTOR, replacement));
    }

    private static BigDecimal local(RecordMapper mapper, String euros) {
        Map<String, Object> row = mapper.toLocal("C000001", Map.of("credit_limit", DecimalNode.valueOf(new BigDecimal(euros))));
        return (BigDecimal) row.get("credit_limit_cents");
    }
}
