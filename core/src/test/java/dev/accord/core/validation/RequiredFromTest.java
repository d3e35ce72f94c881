package dev.accord.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.accord.core.TestContracts;
import dev.accord.core.contract.Contract;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code required-from}: optional with a warning before the date or flag, required after. */
class RequiredFromTest {

    private static final String SIGNUP = "      signup_date:\n        owner: crm\n";
    private static final Map<String, JsonNode> WITHOUT_SIGNUP = Map.of("name", TextNode.valueOf("Ada"),
            "email", TextNode.valueOf("ada@example.com"), "status", TextNode.valueOf("active"));
    private static final Set<String> CRM = Set.of("customer_id", "name", "email", "status", "signup_date");

    @Test
    void beforeTheDateAnEmptyFieldPassesWithAWarning() {
        SchemaValidator validator = validator("2025-07-01");

        Validation before = validator.check("C000001", WITHOUT_SIGNUP, CRM, on("2025-06-30"));

        assertThat(before.violations()).isEmpty();
        assertThat(before.warnings()).singleElement().satisfies(w -> {
            assertThat(w.path()).isEqualTo("$.signup_date");
            assertThat(w.message()).contains("will be required from 2025-07-01");
        });
    }

    @Test
    void fromTheDateOnAnEmptyFieldIsRequiredMissing() {
        SchemaValidator validator = validator("2025-07-01");

        Validation onTheDay = validator.check("C000001", WITHOUT_SIGNUP, CRM, on("2025-07-01"));

        assertThat(onTheDay.warnings()).isEmpty();
        assertThat(onTheDay.violations()).singleElement().satisfies(v -> {
            assertThat(v.reason()).isEqualTo(ReasonCode.REQUIRED_MISSING);
            assertThat(v.path()).isEqualTo("$.signup_date");
            assertThat(v.message()).contains("required from 2025-07-01");
        });
    }

    @Test
    void aFlagMakesItRequiredOnceSwitchedOn() {
        SchemaValidator validator = validator("strict-signup");

        assertThat(validator.check("C000001", WITHOUT_SIGNUP, CRM, new Requirements(LocalDate.of(2040, 1, 1), Set.of())).violations()).isEmpty();
        assertThat(validator.check("C000001", WITHOUT_SIGNUP, CRM, new Requirements(LocalDate.of(2020, 1, 1), Set.of("strict-signup")))
                .violations()).extracting(Violation::reason).containsExactly(ReasonCode.REQUIRED_MISSING);
    }

    @Test
    void aFilledFieldOrOneTheSystemDoesNotMapGivesNeitherWarningNorViolation() {
        SchemaValidator validator = validator("2025-07-01");
        Map<String, JsonNode> withSignup = new java.util.HashMap<>(WITHOUT_SIGNUP);
        withSignup.put("signup_date", TextNode.valueOf("2024-03-01"));

        assertThat(validator.check("C000001", withSignup, CRM, on("2030-01-01"))).isEqualTo(new Validation(java.util.List.of(), java.util.List.of()));
        assertThat(validator.check("C000001", WITHOUT_SIGNUP, Set.of("customer_id", "email"), on("2030-01-01")).violations()).isEmpty();
    }

    private static SchemaValidator validator(String from) {
        Contract contract = TestContracts.load(dev.accord.core.PlainExample.with(SIGNUP, SIGNUP + "        required-from: " + from + "\n"));
        return new SchemaValidator(contract.domain("customer"));
    }

    private static Requirements on(String day) {
        return new Requirements(LocalDate.parse(day), Set.of());
    }
}
