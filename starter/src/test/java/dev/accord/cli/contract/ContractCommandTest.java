package dev.accord.cli.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code accord contract check|diff|docs|register}, run as a user runs them, with their exit codes. */
class ContractCommandTest {

    private static final String EXAMPLE = ContractVersionsOnDisk.EXAMPLE.toString();
    private static final String NAME_LENGTH = "\"maxLength\": 200";

    @TempDir
    Path folder;

    @Test
    void checkExitsZeroForACompatibleContract() {
        CliRun run = CliRun.of("contract", "check", EXAMPLE, "--against", EXAMPLE);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("compatible with " + EXAMPLE);
        assertThat(CliRun.of("contract", "check", EXAMPLE).exitCode()).isZero();
    }

    @Test
    void checkExitsOneWithAReadableReportForABreakingChange() throws Exception {
        Path tightened = ContractVersionsOnDisk.write(folder.resolve("v4"), NAME_LENGTH, "\"maxLength\": 100", 4);

        CliRun run = CliRun.of("contract", "check", tightened.toString(), "--against", EXAMPLE);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).startsWith("1 breaking change against " + EXAMPLE + ":")
                .contains("customer $.name: MAX_LENGTH_DECREASED (BACKWARD)", "maxLength 200 → 100", "version 3")
                .contains("change: customer $.name: MAX_LENGTH_DECREASED (maxLength 200 → 100) against version 3: BACKWARD breaks, FORWARD ok, FULL breaks");
    }

    @Test
    void checkExitsOneWhenAConsumerWouldBreak() throws Exception {
        Path trial = ContractVersionsOnDisk.write(folder.resolve("v4"), "\"plan\": { \"type\": \"string\", \"enum\": [\"free\", \"pro\", \"enterprise\"] }",
                "\"plan\": { \"type\": \"string\", \"enum\": [\"free\", \"pro\", \"enterprise\", \"trial\"] }", 4);
        Files.writeString(trial, Files.readString(trial).replace("allowed: [free, pro, enterprise]", "allowed: [free, pro, enterprise, trial]"));

        CliRun run = CliRun.of("contract", "check", trial.toString(), "--against", EXAMPLE);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("CONSUMER_VALUES_WIDENED", "billing handles only free, pro, enterprise", "adds trial")
                .doesNotContain("ENUM_ARRAY_EXTENDED (BACKWARD)").contains("ENUM_ARRAY_EXTENDED (values");
    }

    @Test
    void checkExitsTwoOnUnreadableInput() throws Exception {
        Path broken = folder.resolve("broken.yaml");
        Files.writeString(broken, Files.readString(ContractVersionsOnDisk.EXAMPLE).replace("kind: mariadb", "kind: mysql8"));

        CliRun brokenRun = CliRun.of("contract", "check", broken.toString());
        CliRun missing = CliRun.of("contract", "check", EXAMPLE, "--against", folder.resolve("nowhere.yaml").toString());

        assertThat(brokenRun.exitCode()).isEqualTo(2);
        assertThat(brokenRun.err()).contains("broken.yaml:", "systems.billing.kind: unknown system kind 'mysql8'");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("previous contract", "contract file not found");
        assertThat(CliRun.of("contract", "check").exitCode()).isEqualTo(2);
    }

    @Test
    void everyContractCommandExitsTwoWithTheLocatedProblemForAMalformedContract() throws Exception {
        String laughs = "x-laughs:\n  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
                + "  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                + "  d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n";
        Path twoOwners = malformed("two-owners", "        owner: billing\n        merge: source-priority", "        owner: [billing, crm]\n        merge: source-priority");
        Path bomb = malformed("bomb", "description: Customers shared by CRM, billing and support.\n", "description: Customers\n" + laughs);
        Path deep = malformed("deep", "    description: A person or company that buys from us.", "    description: " + "[".repeat(100) + "]".repeat(100));

        assertLocated(CliRun.of("contract", "check", twoOwners.toString()), twoOwners, "owner: [billing, crm]",
                "domains.customer.fields.plan.owner: expected the system of record for this field, found a list", "a field has exactly one owner");
        assertLocated(CliRun.of("contract", "check", bomb.toString()), bomb, "  c: &c",
                "x-laughs.c[1]: more than 10 aliases of mappings or lists", "billion laughs");
        assertLocated(CliRun.of("contract", "check", deep.toString()), deep, "[[[",
                "domains.customer.description[0][0]", "nested deeper than 20 levels");
        assertLocated(CliRun.of("contract", "check", EXAMPLE, "--against", bomb.toString()), bomb, "  c: &c", "previous contract", "x-laughs.c[1]");
        assertLocated(CliRun.of("contract", "diff", EXAMPLE, "--against", twoOwners.toString()), twoOwners, "owner: [billing, crm]", "owner", "found a list");
        assertLocated(CliRun.of("contract", "docs", deep.toString(), "--stdout"), deep, "[[[", "nested", "deeper");
        assertLocated(CliRun.of("contract", "register", twoOwners.toString(), "--store=jdbc:h2:mem:never"), twoOwners, "owner: [billing, crm]", "owner", "list");
    }

    /** A copy of the example (and its schema) in a folder of its own, with one snippet replaced. */
    private Path malformed(String name, String snippet, String replacement) throws Exception {
        Path file = ContractVersionsOnDisk.write(folder.resolve(name), NAME_LENGTH, NAME_LENGTH, 3);
        String text = Files.readString(file);
        assertThat(text).contains(snippet);
        Files.writeString(file, text.replace(snippet, replacement));
        return file;
    }

    /** Exit code 2, no stack trace, and the problem at {@code file:line:} of the locator's line. */
    private static void assertLocated(CliRun run, Path file, String locator, String... expected) throws Exception {
        String text = Files.readString(file);
        int line = text.substring(0, text.indexOf(locator)).split("\n", -1).length;
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).as(run.toString()).contains(file + ":" + line + ":").contains(expected)
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void checkAgainstTheRegistryAndRegister() throws Exception {
        String store = "--store=jdbc:h2:file:" + folder.resolve("store").toAbsolutePath() + ";AUTO_SERVER=TRUE";
        Path relaxed = ContractVersionsOnDisk.write(folder.resolve("v4"), NAME_LENGTH, "\"maxLength\": 300", 4);
        Path tightened = ContractVersionsOnDisk.write(folder.resolve("v5"), NAME_LENGTH, "\"maxLength\": 100", 5);

        CliRun first = CliRun.of("contract", "register", EXAMPLE, store);
        CliRun again = CliRun.of("contract", "register", EXAMPLE, store);
        CliRun compatible = CliRun.of("contract", "register", relaxed.toString(), store);
        CliRun breaking = CliRun.of("contract", "check", tightened.toString(), "--against", "registry", store);
        CliRun refused = CliRun.of("contract", "register", tightened.toString(), store);

        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).contains("customer: schema version 3 registered (BACKWARD)");
        assertThat(again.out()).contains("customer: schema version 3 was registered already");
        assertThat(compatible.exitCode()).isZero();
        assertThat(compatible.out()).contains("customer: schema version 4 registered");
        assertThat(breaking.exitCode()).isEqualTo(1);
        assertThat(breaking.out()).contains("against the schema registry", "$.name: MAX_LENGTH_DECREASED (BACKWARD)", "version 4");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out()).contains("nothing registered");
        assertThat(CliRun.of("contract", "check", EXAMPLE, "--against", "registry", store).out()).contains("schema version 3 is registered as it is");
    }

    @Test
    void checkAgainstAnUnreachableRegistryExitsTwo() {
        CliRun run = CliRun.of("contract", "check", EXAMPLE, "--against", "registry", "--store=jdbc:postgresql://127.0.0.1:1/none");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("cannot read the schema registry");
    }

    @Test
    void diffShowsTheChangeFieldByField() throws Exception {
        Path relaxed = ContractVersionsOnDisk.write(folder.resolve("v4"), NAME_LENGTH, "\"maxLength\": 300", 4);

        CliRun run = CliRun.of("contract", "diff", relaxed.toString(), "--against", EXAMPLE);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("customer", "schema version", "3 → 4")
                .contains("customer.name", "maxLength 200 → 300 [MAX_LENGTH_INCREASED]");
        assertThat(CliRun.of("contract", "diff", EXAMPLE, "--against", EXAMPLE).out()).isEqualTo("no changes\n");
    }

    @Test
    void docsWritesTheDataDictionary() throws Exception {
        CliRun run = CliRun.of("contract", "docs", EXAMPLE, "--out", folder.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        Path docs = Path.of("..", "docs").toAbsolutePath().normalize();
        assertThat(Files.readString(folder.resolve("data-dictionary.md"))).isEqualTo(Files.readString(docs.resolve("data-dictionary.md")));
        assertThat(Files.readString(folder.resolve("data-dictionary.html"))).isEqualTo(Files.readString(docs.resolve("data-dictionary.html")));
        assertThat(CliRun.of("contract", "docs", EXAMPLE, "--stdout").out()).startsWith("# Data dictionary: customer-hub");
    }
}
