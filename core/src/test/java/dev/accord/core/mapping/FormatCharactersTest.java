package dev.accord.core.mapping;

import static dev.accord.core.TestContracts.exampleWith;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.accord.core.TestContracts;
import dev.accord.core.contract.Contract;
import dev.accord.core.validation.ReasonCode;
import dev.accord.core.validation.Violation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Invisible Unicode format characters at ingress, through the CRM's mapping of the example contract: by default
 * the key ({@code customer_id}, also a {@code pattern}) and {@code email} ({@code format: email}) reject them,
 * the free-text {@code name} keeps them; {@code format-characters} on a field or the contract says otherwise.
 */
class FormatCharactersTest {

    private static final String ZWSP = "\u200B";
    private static final String ZWNJ = "\u200C";
    private static final String RLO = "\u202E";
    private static final String NAME_RULES = "        description: Legal or display name.\n";
    private static final String EMAIL_RULES = "        description: Primary contact e-mail.\n";

    private final RecordMapper crm = crm(TestContracts.example());

    @Test
    void aZeroWidthSpaceInTheKeyIsRejectedNamingTheCharacterAndItsPositionButNotTheValue() {
        Mapped mapped = crm.toCanonical(row("id", "C000" + ZWSP + "001", "full_name", "Ada Lovelace"));

        assertThat(mapped.isValid()).isFalse();
        assertThat(mapped.key()).isNull();
        assertThat(mapped.violations()).singleElement().satisfies(v -> {
            assertThat(v.reason()).isEqualTo(ReasonCode.FORMAT_CHARACTER);
            assertThat(v.path()).isEqualTo("$.customer_id");
            assertThat(v.message()).contains("column 'id'", "U+200B ZERO WIDTH SPACE", "at character 5", "field 'customer_id'")
                    .doesNotContain("C000", "001");
        });
    }

    @Test
    void aZeroWidthSpaceInAnEmailIsRejectedAndTheMessageHoldsNoPartOfTheAddress() {
        Mapped mapped = crm.toCanonical(row("id", "C000001", "email", "ada" + ZWSP + "@example.com" + ZWSP));

        Violation violation = mapped.violations().get(0);
        assertThat(violation.reason()).isEqualTo(ReasonCode.FORMAT_CHARACTER);
        assertThat(violation.path()).isEqualTo("$.email");
        assertThat(violation.message()).contains("U+200B", "at character 4", "(and 1 more)")
                .doesNotContain("ada", "example", "@");
        assertThat(mapped.fields()).doesNotContainKey("email");
    }

    @Test
    void byteOrderMarkAndBidiControlsAreFormatCharactersToo() {
        assertThat(crm.toCanonical(row("id", "\uFEFFC000001")).violations()).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("U+FEFF ZERO WIDTH NO-BREAK SPACE", "at character 1"));
        assertThat(crm.toCanonical(row("id", "C000001", "email", "moc.elpmaxe@" + RLO + "ada")).violations()).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("U+202E RIGHT-TO-LEFT OVERRIDE", "at character 13"));
        assertThat(crm.toCanonical(row("id", "C000001", "email", "ada@exam\u00ADple.com")).violations()).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("U+00AD SOFT HYPHEN"));
    }

    @Test
    void freeTextKeepsThemByDefault() {
        String persian = "\u0645\u06CC" + ZWNJ + "\u062E\u0648\u0627\u0647\u0645";
        String family = "\uD83D\uDC69\u200D\uD83D\uDC67";
        String override = "Ada " + RLO + "ecalevoL";

        assertThat(text(crm.toCanonical(row("id", "C000001", "full_name", persian)), "name")).isEqualTo(persian);
        assertThat(text(crm.toCanonical(row("id", "C000001", "full_name", family)), "name")).isEqualTo(family);
        assertThat(text(crm.toCanonical(row("id", "C000001", "full_name", override)), "name")).isEqualTo(override);
    }

    @Test
    void aNameThatRejectsThemQuarantinesABidiOverride() {
        RecordMapper strict = crm(load(exampleWith(NAME_RULES, NAME_RULES + "        format-characters: reject\n")));

        Mapped mapped = strict.toCanonical(row("id", "C000001", "full_name", "Ada " + RLO + "ecalevoL"));

        assertThat(mapped.violations()).singleElement().satisfies(v -> {
            assertThat(v.reason()).isEqualTo(ReasonCode.FORMAT_CHARACTER);
            assertThat(v.path()).isEqualTo("$.name");
            assertThat(v.message()).contains("column 'full_name'", "U+202E RIGHT-TO-LEFT OVERRIDE", "at character 5")
                    .doesNotContain("Ada", "ecalevoL");
        });
    }

    @Test
    void stripRemovesThemBeforeNfcAndTrimmingSoTheResultIsStable() {
        RecordMapper stripping = crm(load(exampleWith(NAME_RULES, NAME_RULES + "        format-characters: strip\n")
                .replace(EMAIL_RULES, EMAIL_RULES + "        format-characters: strip\n")));

        Mapped mapped = stripping.toCanonical(row("id", "C000001", "full_name", " " + ZWSP + " Rene" + ZWSP + "\u0301e " + RLO,
                "email", "\uFEFFada" + ZWSP + "@example.com"));

        assertThat(mapped.isValid()).isTrue();
        assertThat(text(mapped, "name")).isEqualTo("Ren\u00e9e");
        assertThat(text(mapped, "email")).isEqualTo("ada@example.com");
        assertThat(text(stripping.toCanonical(row("id", "C000001", "full_name", text(mapped, "name"))), "name"))
                .as("mapping the result again changes nothing").isEqualTo("Ren\u00e9e");
        assertThat(stripping.toCanonical(row("id", "C000001", "full_name", ZWSP + RLO)).fields().get("name"))
                .as("nothing but format characters is empty").isEqualTo(NullNode.getInstance());
    }

    @Test
    void keepOnTheKeyLetsThemThroughToValidation() {
        RecordMapper lenient = crm(load(exampleWith("        description: Stable customer number, assigned by the CRM.\n",
                "        description: Stable customer number, assigned by the CRM.\n        format-characters: keep\n")));

        Mapped mapped = lenient.toCanonical(row("id", "C000" + ZWSP + "001"));

        assertThat(mapped.isValid()).isTrue();
        assertThat(mapped.key()).isEqualTo("C000" + ZWSP + "001");
    }

    @Test
    void theContractsDefaultAppliesToEveryTextFieldWithoutItsOwn() {
        RecordMapper stripping = crm(load(exampleWith("name: customer-hub\nversion: 3\n", "name: customer-hub\nversion: 3\nformat-characters: strip\n")
                .replace(EMAIL_RULES, EMAIL_RULES + "        format-characters: reject\n")));

        Mapped mapped = stripping.toCanonical(row("id", "C000" + ZWSP + "001", "full_name", "Ada" + ZWNJ, "email", "a" + ZWSP + "@b.com"));

        assertThat(mapped.key()).isEqualTo("C000001");
        assertThat(text(mapped, "name")).isEqualTo("Ada");
        assertThat(mapped.violations()).singleElement().satisfies(v -> assertThat(v.path()).isEqualTo("$.email"));
    }

    private static RecordMapper crm(Contract contract) {
        return new RecordMapper(contract, "crm", "customer");
    }

    private static Contract load(String text) {
        return TestContracts.load(text);
    }

    private static String text(Mapped mapped, String field) {
        return mapped.fields().get(field).asText();
    }

    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        return row;
    }
}
