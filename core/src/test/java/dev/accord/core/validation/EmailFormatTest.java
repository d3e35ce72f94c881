package dev.accord.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.accord.core.TestContracts;
import dev.accord.core.contract.DomainSpec;
import dev.accord.core.contract.SchemaRef;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What {@code format: email} accepts, as networknt json-schema-validator asserts it for the example schema, pinned
 * so that an upgrade that changes it is noticed: domains under a top-level domain that is not in IANA's root zone
 * ({@code .test}, {@code .invalid}, {@code .example}) fail, local names ({@code localhost}, {@code .localhost},
 * a name without a dot) pass. A {@code pattern} beside the format is how a contract rejects those.
 */
class EmailFormatTest {

    /** A dot in the domain, no address literal ({@code [192.0.2.1]}) and no local top-level domain; docs/contract.md has it. */
    static final String QUALIFIED = "^(?!.*\\.(localhost|local|localdomain)$)[^@\\s]+@[^@\\s\\[]+\\.[^@\\s.]+$";

    private static final DomainSpec CUSTOMER = TestContracts.example().domain("customer");

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "ada@example.com, pass",
        "ada@example.test, fail",
        "x@foo.invalid, fail",
        "ada@example.example, fail",
        "@localhost, fail",
        "ada@localhost, pass",
        "ada@example.localhost, pass",
        "ada@example, pass",
        "ada@[192.0.2.1], pass",
        "ada@b\u00fccher.de, pass",
    })
    void formatEmailAsAccordAssertsIt(String email, String outcome) {
        List<Violation> violations = validate(new SchemaValidator(CUSTOMER), email);

        if (outcome.equals("pass")) {
            assertThat(violations).isEmpty();
        } else {
            assertThat(violations).singleElement().satisfies(v -> {
                assertThat(v.reason()).isEqualTo(ReasonCode.SCHEMA_CONSTRAINT);
                assertThat(v.path()).isEqualTo("$.email");
            });
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "ada@example.com, pass",
        "ada@b\u00fccher.de, pass",
        "ada@localhost, fail",
        "ada@example.localhost, fail",
        "ada@example, fail",
        "ada@[192.0.2.1], fail",
        "ada@example.test, fail",
    })
    void aPatternBesideTheFormatRejectsLocalNames(String email, String outcome) {
        ObjectNode schema = CUSTOMER.schema().schema().deepCopy();
        ((ObjectNode) schema.path("properties").path("email")).put("pattern", QUALIFIED);
        DomainSpec strict = new DomainSpec(CUSTOMER.name(), CUSTOMER.key(), new SchemaRef("strict.json", 3, schema),
                CUSTOMER.lifecycle(), CUSTOMER.fields(), CUSTOMER.compatibility());

        assertThat(validate(new SchemaValidator(strict), email)).as(email).hasSize(outcome.equals("pass") ? 0 : 1);
    }

    private static List<Violation> validate(SchemaValidator validator, String email) {
        Map<String, JsonNode> fields = Map.of("customer_id", TextNode.valueOf("C000001"), "name", TextNode.valueOf("Ada"),
                "email", TextNode.valueOf(email));
        return validator.validate("C000001", fields, Set.of("customer_id", "name", "email"));
    }
}
