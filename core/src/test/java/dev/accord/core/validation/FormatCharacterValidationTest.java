package dev.accord.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.accord.core.TestContracts;
import dev.accord.core.contract.Contract;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code format-characters: reject} in the validator, which checks the values about to be written at egress:
 * a value that reached the hub before the rule (or not through a mapping) is caught on its way out, named as an
 * invisible character rather than as a broken format or pattern, and never quoted.
 */
class FormatCharacterValidationTest {

    private static final Contract CONTRACT = TestContracts.example();
    private static final Set<String> FIELDS = Set.of("customer_id", "name", "email");

    private final SchemaValidator validator = new SchemaValidator(CONTRACT.domain("customer"));

    @Test
    void anEmailThatPassesTheFormatIsStillRejectedForAZeroWidthSpace() {
        List<Violation> violations = validator.validate("C000001", record("ada\u200B@example.com", "Ada"), FIELDS);

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.reason()).isEqualTo(ReasonCode.FORMAT_CHARACTER);
            assertThat(v.path()).isEqualTo("$.email");
            assertThat(v.message()).contains("field 'email'", "U+200B ZERO WIDTH SPACE", "at character 4").doesNotContain("ada", "example");
        });
    }

    @Test
    void aKeyWithAFormatCharacterIsNamedAsSuchNotAsABrokenPattern() {
        List<Violation> violations = validator.validate("C00\u20600001", Map.of("name", TextNode.valueOf("Ada"),
                "email", TextNode.valueOf("ada@example.com")), FIELDS);

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.reason()).isEqualTo(ReasonCode.FORMAT_CHARACTER);
            assertThat(v.path()).isEqualTo("$.customer_id");
            assertThat(v.message()).contains("U+2060 WORD JOINER");
        });
    }

    @Test
    void freeTextKeepsThem() {
        assertThat(validator.validate("C000001", record("ada@example.com", "Ada\u200D\u202ELovelace"), FIELDS)).isEmpty();
    }

    private static Map<String, JsonNode> record(String email, String name) {
        return Map.of("customer_id", TextNode.valueOf("C000001"), "name", TextNode.valueOf(name), "email", TextNode.valueOf(email));
    }
}
