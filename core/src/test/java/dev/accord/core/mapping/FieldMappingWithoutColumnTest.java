package dev.accord.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.core.TestContracts;
import dev.accord.core.contract.ContractException;
import org.junit.jupiter.api.Test;

/**
 * A short-form field mapping with no column ({@code phone:} and nothing after it) must be a contract
 * problem, like a long-form mapping without {@code column}: loaded, it would give a mapping with a null
 * column and a NullPointerException in the first {@code RecordMapper.toCanonical}.
 */
class FieldMappingWithoutColumnTest {

    @Test
    void shortFormWithoutAColumnIsAContractProblem() {
        String text = TestContracts.exampleWith("          phone: phone\n          status:", "          phone:\n          status:");

        assertThatThrownBy(() -> TestContracts.load(text))
                .isInstanceOfSatisfying(ContractException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p.path()).isEqualTo("systems.crm.domains.customer.fields.phone")));
    }
}
