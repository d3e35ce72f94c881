package dev.accord.core.contract;

import static dev.accord.core.TestContracts.exampleText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.accord.core.TestContracts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed contracts, one kind per case, loaded from a file as the command line loads them: each is a
 * {@link ContractException} whose problem names the line (0 for the whole file) and key path, within a second,
 * never an exception of another kind. The limits stop an alias bomb and runaway nesting while they are read.
 */
class ContractLoaderMalformedTest {

    /**
     * Each case takes well under a second on an idle machine; the budget leaves room for a busy build machine and
     * still fails at once for a limit that does not hold (an expanded alias bomb runs out of memory, not time).
     */
    private static final Duration BUDGET = Duration.ofSeconds(5);
    private static final String PLAN_OWNER = "        owner: billing\n        merge: source-priority\n";

    /**
     * @param locator text on the line the problem must be reported at; null for a problem about the whole file
     */
    record Case(String name, byte[] bytes, String locator, String path, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void everyMalformedContractIsALocatedProblem(Case malformed, @TempDir Path folder) throws Exception {
        Files.createDirectories(folder.resolve("schemas"));
        Files.copy(TestContracts.EXAMPLES.resolve("schemas/customer.schema.json"), folder.resolve("schemas/customer.schema.json"));
        Path file = folder.resolve("broken.yaml");
        Files.write(file, malformed.bytes());
        int line = malformed.locator() == null ? 0 : lineOf(malformed.bytes(), malformed.locator());

        assertTimeoutPreemptively(BUDGET, () -> assertThatThrownBy(() -> new ContractLoader().load(file))
                .isInstanceOfSatisfying(ContractException.class, e -> assertThat(e.problems()).as(e.getMessage()).anySatisfy(p -> {
                    assertThat(p.line()).isEqualTo(line);
                    assertThat(p.path()).isEqualTo(malformed.path());
                    assertThat(p.render()).contains(file + (line == 0 ? ": " : ":" + line + ":"), malformed.message(), "hint: ");
                })));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedSchemas")
    void aMalformedSchemaFileIsALocatedProblem(String name, byte[] schema, String file, int line, String message, @TempDir Path folder)
            throws Exception {
        Files.createDirectories(folder.resolve("schemas"));
        Files.write(folder.resolve("schemas/customer.schema.json"), schema);
        Path contract = folder.resolve("broken.yaml");
        Files.writeString(contract, exampleText());
        String expectedFile = folder.resolve(file).toString();

        assertThatThrownBy(() -> new ContractLoader().load(contract)).isInstanceOfSatisfying(ContractException.class, e ->
                assertThat(e.problems()).as(e.getMessage()).anySatisfy(p -> {
                    assertThat(p.file()).isEqualTo(expectedFile);
                    assertThat(p.line()).isEqualTo(line);
                    assertThat(p.render()).contains(message, "hint: ");
                }));
    }

    static Stream<Arguments> malformedSchemas() throws Exception {
        String schema = Files.readString(TestContracts.EXAMPLES.resolve("schemas/customer.schema.json"));
        int titleLine = lineOf(schema.getBytes(StandardCharsets.UTF_8), "\"title\"");
        int fileLine = lineOf(exampleText().getBytes(StandardCharsets.UTF_8), "file: schemas/customer.schema.json");
        String json = "schemas/customer.schema.json";
        return Stream.of(
                Arguments.of("duplicate key", utf8(schema.replace("\"title\": \"Customer\",", "\"title\": \"Customer\", \"title\": \"Client\",")),
                        json, titleLine, "not valid JSON: Duplicate field 'title'"),
                Arguments.of("not JSON", utf8(schema.replace("\"title\": \"Customer\",", "\"title\": Customer,")),
                        json, titleLine, "not valid JSON"),
                Arguments.of("an array", utf8("[]"), json, 1, "a JSON Schema must be a JSON object"),
                Arguments.of("empty", utf8(""), json, 1, "a JSON Schema must be a JSON object"),
                Arguments.of("not UTF-8", schema.replace("\"Customer\"", "\"Caf\u00e9\"").getBytes(StandardCharsets.ISO_8859_1),
                        "broken.yaml", fileLine, "is not valid UTF-8"));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static Stream<Case> malformed() {
        String example = exampleText();
        return Stream.of(
                text("owner given a list", edit(PLAN_OWNER, "        owner: [billing, crm]\n        merge: source-priority\n"),
                        "owner: [billing, crm]", "domains.customer.fields.plan.owner",
                        "expected the system of record for this field, found a list"),
                text("owner given a mapping", edit(PLAN_OWNER, "        owner: { billing: crm }\n        merge: source-priority\n"),
                        "owner: { billing: crm }", "domains.customer.fields.plan.owner", "found a mapping"),
                text("a mapping given a plain value", edit("    lifecycle:\n      delete: [crm]                  # only the CRM closes customers for good\n      resurrect: false\n",
                        "    lifecycle: crm\n"), "lifecycle: crm", "domains.customer.lifecycle",
                        "expected the lifecycle rules (a mapping of keys to values), found 'crm'"),
                text("a list given a mapping", edit("    targets: [billing, support]\n", "    targets: { billing: support }\n"),
                        "targets: { billing: support }", "flows.crm-customers.targets", "expected a list of system names (a list), found a mapping"),
                text("a key given a list", edit("    priority: 20\n", "    priority: 20\n    [a, b]: c\n"),
                        "[a, b]: c", "systems.crm", "keys must be plain text, found a list"),
                text("alias bomb", edit("description: Customers shared by CRM, billing and support.\n", "description: Customers\n" + laughs()),
                        "  c: &c", "x-laughs.c[1]", "more than 10 aliases of mappings or lists"),
                text("alias to itself", edit("    description: A person or company that buys from us.\n", "    description: &d [a, *d]\n"),
                        "&d [a, *d]", "domains.customer.description[1]", "alias *d refers to the mapping or list it is part of"),
                text("undefined alias", edit("    priority: 20\n", "    priority: *twenty\n"),
                        "*twenty", "systems.crm.priority", "not valid YAML: found undefined alias twenty"),
                text("over-deep", edit("    description: A person or company that buys from us.\n",
                        "    description: " + "[".repeat(40) + "]".repeat(40) + "\n"),
                        "[[[[", "domains.customer.description" + "[0]".repeat(18), "nested deeper than 20 levels"),
                text("over-large", example + "x-padding:" + " ".repeat(ContractYaml.MAX_CODE_POINTS) + "end\n",
                        "x-padding", "", "the contract is longer than 524288 characters"),
                new Case("over-large file", new byte[4 * ContractYaml.MAX_CODE_POINTS + 1], null, "", "a contract is at most 524288 characters"),
                text("duplicate key", edit("    priority: 20\n", "    priority: 20\n    priority: 30\n"),
                        "priority: 30", "systems.crm.priority", "duplicate key 'priority'"),
                text("tab indentation", edit("    priority: 20\n", "\tpriority: 20\n"),
                        "\tpriority", "systems.crm.connection", "not valid YAML"),
                text("control character", edit("    priority: 20\n", "    description: bell\u0007\n"),
                        "bell", "", "character U+0007 is not allowed"),
                text("two documents", example + "---\nname: another\n", "---", "", "not valid YAML: expected a single document"),
                new Case("not UTF-8", edit("    priority: 20\n", "    description: caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1),
                        "caf", "", "the file is not valid UTF-8 (byte 0xE9)"),
                text("empty file", "", null, "", "the contract is empty"),
                text("only comments", "# a contract, some day\n\n", null, "", "the contract is empty"),
                text("null document", "~\n", null, "", "the contract is empty"),
                text("a plain value instead of a mapping", "customer-hub\n", "customer-hub", "",
                        "the contract must be a mapping of keys (name, version, systems, domains, flows), found 'customer-hub'"),
                text("a list instead of a mapping", "- name: customer-hub\n- version: 3\n", "- name", "",
                        "the contract must be a mapping of keys (name, version, systems, domains, flows), found a list"));
    }

    /** Nine levels of nine aliases each: 9^9 copies if it were expanded. */
    private static String laughs() {
        StringBuilder text = new StringBuilder("x-laughs:\n  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (char level = 'b'; level <= 'i'; level++) {
            String alias = "*" + (char) (level - 1);
            text.append("  ").append(level).append(": &").append(level).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, alias))).append("]\n");
        }
        return text.toString();
    }

    private static Case text(String name, String text, String locator, String path, String message) {
        return new Case(name, text.getBytes(StandardCharsets.UTF_8), locator, path, message);
    }

    private static String edit(String snippet, String replacement) {
        return TestContracts.exampleWith(snippet, replacement);
    }

    private static int lineOf(byte[] bytes, String locator) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        return text.substring(0, text.indexOf(locator)).split("\n", -1).length;
    }
}
