package dev.accord.core.contract;

import static dev.accord.core.TestContracts.exampleWith;
import static dev.accord.core.TestContracts.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.core.TestContracts;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code format-characters} on a field and for the whole contract: the defaults it resolves to, and mistakes located. */
class FormatCharactersSettingTest {

    private static final String TOP = "name: customer-hub\nversion: 3\n";
    private static final String NAME_RULES = "        description: Legal or display name.\n";
    private static final String CREDIT_RULES = "        description: Credit granted, in euros.\n";

    @Test
    void byDefaultTheKeyAndFormattedOrPatternedTextRejectFreeTextKeepsOtherTypesHaveNone() {
        assertThat(rules(TestContracts.example())).containsExactly(
                Map.entry("customer_id", "reject"), Map.entry("name", "keep"), Map.entry("email", "reject"),
                Map.entry("phone", "reject"), Map.entry("status", "keep"), Map.entry("signup_date", "-"),
                Map.entry("plan", "keep"), Map.entry("payment_status", "keep"), Map.entry("credit_limit", "-"));
    }

    @Test
    void aFieldsOwnSettingWinsOverTheContractsWhichWinsOverTheDefault() {
        Contract contract = load(exampleWith(TOP, TOP + "format-characters: strip\n")
                .replace(NAME_RULES, NAME_RULES + "        format-characters: reject\n"));

        assertThat(rules(contract)).containsEntry("name", "reject").containsEntry("customer_id", "strip")
                .containsEntry("email", "strip").containsEntry("status", "strip").containsEntry("credit_limit", "-");
        assertThat(rules(load(exampleWith(TOP, TOP + "format-characters: keep\n")))).containsEntry("customer_id", "keep");
    }

    @Test
    void mistakesAreLocated() {
        assertProblem(exampleWith(NAME_RULES, NAME_RULES + "        format-characters: remove\n"), "format-characters: remove",
                "domains.customer.fields.name.format-characters: unknown format-characters rule 'remove'", "expected one of: reject, strip, keep");
        assertProblem(exampleWith(NAME_RULES, NAME_RULES + "        format-characters: strp\n"), "format-characters: strp",
                "unknown format-characters rule 'strp'", "did you mean 'strip'?");
        assertProblem(exampleWith(CREDIT_RULES, CREDIT_RULES + "        format-characters: strip\n"), "format-characters: strip",
                "credit_limit.format-characters: 'format-characters' applies to text fields only; this field is decimal", "remove it");
        assertProblem(exampleWith(TOP, TOP + "format-characters: [strip]\n"), "format-characters: [strip]",
                "format-characters: expected reject, strip or keep, found a list", "one plain value");
    }

    private static Map<String, String> rules(Contract contract) {
        Map<String, String> rules = new LinkedHashMap<>();
        contract.domain("customer").fields().values().forEach(f ->
                rules.put(f.name(), f.formatCharacters() == null ? "-" : f.formatCharacters().spelling()));
        return rules;
    }

    private static void assertProblem(String text, String locator, String message, String hint) {
        int line = text.substring(0, text.indexOf(locator)).split("\n", -1).length;
        assertThatThrownBy(() -> load(text)).isInstanceOfSatisfying(ContractException.class, e ->
                assertThat(e.problems()).as(e.getMessage()).anySatisfy(p -> {
                    assertThat(p.render()).contains(message).contains(hint);
                    assertThat(p.line()).isEqualTo(line);
                }));
    }
}
