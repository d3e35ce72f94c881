package dev.accord.core.contract;

import static dev.accord.core.TestContracts.exampleText;
import static dev.accord.core.TestContracts.exampleWith;
import static dev.accord.core.TestContracts.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.core.TestContracts;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractLoaderTest {

    @Test
    void loadsTheExampleContract() {
        Contract contract = TestContracts.example();

        assertThat(contract.name()).isEqualTo("customer-hub");
        assertThat(contract.version()).isEqualTo("3");
        assertThat(contract.systems()).containsOnlyKeys("crm", "billing", "support");
        assertThat(contract.system("crm").kind()).isEqualTo(SystemKind.POSTGRES);
        assertThat(contract.system("crm").timezone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(contract.system("crm").connection().env()).containsEntry("password", "CRM_DB_PASSWORD");
        DomainSpec customer = contract.domain("customer");
        assertThat(customer.key()).isEqualTo("customer_id");
        assertThat(customer.schema().version()).isEqualTo(3);
        assertThat(customer.lifecycle().mayDelete("crm")).isTrue();
        assertThat(customer.field("plan").orElseThrow().merge()).isEqualTo(MergeStrategy.SOURCE_PRIORITY);
        assertThat(customer.field("plan").orElseThrow().priority()).containsExactly("billing", "crm");
        assertThat(customer.field("email").orElseThrow().pii()).isTrue();
        assertThat(customer.field("credit_limit").orElseThrow().type()).isEqualTo(FieldType.DECIMAL);
        assertThat(customer.field("signup_date").orElseThrow().type()).isEqualTo(FieldType.DATE);
        DomainMapping billing = contract.mapping("billing", "customer");
        assertThat(billing.field("credit_limit").orElseThrow().factor()).isEqualByComparingTo(new BigDecimal("0.01"));
        assertThat(billing.field("plan").orElseThrow().values()).containsEntry("ENT", "enterprise");
        FlowSpec flow = contract.flow("crm-customers");
        assertThat(flow.targets()).containsExactly("billing", "support");
        assertThat(flow.mode()).isEqualTo(FlowMode.CONTINUOUS);
        assertThat(flow.pollInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(flow.freshnessSla()).isEqualTo(Duration.ofMinutes(5));
        assertThat(contract.hash()).startsWith("sha256:").hasSize(71);
    }

    @Test
    void hashIgnoresCommentsFormattingAndKeyOrder() {
        String reordered = exampleWith("accord: 1\nname: customer-hub\nversion: 3\n",
                "# reordered, reformatted\nversion:    3\naccord: 1\nname: \"customer-hub\"\n");

        assertThat(load(reordered).hash()).isEqualTo(TestContracts.example().hash());
    }

    @Test
    void hashChangesWithContent() {
        String changed = exampleWith("batch-size: 200", "batch-size: 201");

        assertThat(load(changed).hash()).isNotEqualTo(TestContracts.example().hash());
    }

    @Test
    void hashCoversTheSchemaFiles(@TempDir Path folder) throws Exception {
        Files.createDirectories(folder.resolve("schemas"));
        String schema = Files.readString(TestContracts.EXAMPLES.resolve("schemas/customer.schema.json"));
        Files.writeString(folder.resolve("schemas/customer.schema.json"), schema.replace("\"maxLength\": 200", "\"maxLength\": 199"));

        Contract edited = new ContractLoader().load(exampleText(), "c.yaml", folder);

        assertThat(edited.hash()).isNotEqualTo(TestContracts.example().hash());
    }

    @Test
    void hashTellsVersionsApartThatYamlWouldReadAsTheSameNumber() {
        String v110 = exampleWith("version: 3\ndescription: Customers", "version: 1.10\ndescription: Customers");
        String v11 = exampleWith("version: 3\ndescription: Customers", "version: 1.1\ndescription: Customers");

        assertThat(load(v110).hash()).isNotEqualTo(load(v11).hash());
    }

    @Test
    void anySecretLookingSettingMustComeFromTheEnvironment() {
        assertProblem(exampleWith("      password-env: CRM_DB_PASSWORD", "      db_password: hunter2"),
                "db_password: hunter2", "systems.crm.connection.db_password: secrets must not be written in the contract",
                "db_password-env: VARIABLE_NAME");
    }

    @Test
    void ownerMustBeInItsSourcePriorityList() {
        assertProblem(exampleWith("priority: [billing, crm]", "priority: [crm]"),
                "priority: [crm]", "the owner 'billing' is not in the priority list", "add billing to priority");
    }

    @Test
    void writersOnlyApplyWhereOthersMayWrite() {
        String text = exampleWith("        description: Whether invoices are paid.", "        description: Whether invoices are paid.\n        writers: [crm]");
        assertProblem(text, "writers: [crm]", "'writers' only applies to merge 'last-writer-wins' or 'review'", "only the owner writes");
    }

    @Test
    void referenceMustNameADomain() {
        String text = exampleWith("        description: Whether invoices are paid.", "        description: Whether invoices are paid.\n        references: acount");
        assertProblem(text, "references: acount", "domains.customer.fields.payment_status.references: unknown domain 'acount'", "customer");
    }

    @Test
    void loadsFromAFile() {
        assertThat(new ContractLoader().load(TestContracts.EXAMPLE).source()).endsWith("customers.contract.yaml");
    }

    @Test
    void unknownKeySuggestsTheRightSpelling() {
        assertProblem(exampleWith("    poll-interval: 30s", "    poll-intervall: 30s"),
                "poll-intervall", "flows.crm-customers.poll-intervall: unknown key 'poll-intervall'", "did you mean 'poll-interval'?");
    }

    @Test
    void unknownOwnerIsNamed() {
        assertProblem(exampleWith("      payment_status:\n        owner: billing", "      payment_status:\n        owner: biling"),
                "owner: biling", "domains.customer.fields.payment_status.owner: unknown system 'biling'", "did you mean 'billing'?");
    }

    @Test
    void ownerThatDoesNotMapTheFieldIsAnError() {
        assertProblem(exampleWith("      signup_date:\n        owner: crm", "      signup_date:\n        owner: billing"),
                "owner: billing\n        description: Day", "domains.customer.fields.signup_date.owner: owner 'billing' does not map field 'signup_date'",
                "map it under systems.billing.domains.customer.fields");
    }

    @Test
    void mappingOfAnUnknownFieldIsAnError() {
        assertProblem(exampleWith("          payment_status: payment_status", "          payment_stats: payment_status"),
                "payment_stats", "systems.billing.domains.customer.fields.payment_stats: domain 'customer' has no field 'payment_stats'",
                "did you mean 'payment_status'?");
    }

    @Test
    void unsafeTableNameIsRejected() {
        assertProblem(exampleWith("table: crm_customers", "table: \"crm_customers; drop table x\""),
                "table: \"crm", "systems.crm.domains.customer.table: unsafe table name 'crm_customers; drop table x'",
                "plain SQL identifier");
    }

    @Test
    void unsafeColumnNameIsRejected() {
        assertProblem(exampleWith("name: full_name", "name: \"full name\""),
                "name: \"full", "systems.crm.domains.customer.fields.name: unsafe column name 'full name'", "plain SQL identifier");
    }

    @Test
    void inlineSecretsAreRejected() {
        assertProblem(exampleWith("      password-env: CRM_DB_PASSWORD", "      password: hunter2"),
                "password: hunter2", "systems.crm.connection.password: secrets must not be written in the contract",
                "password-env: VARIABLE_NAME");
    }

    @Test
    void flowTargetMustBeASystem() {
        assertProblem(exampleWith("targets: [crm]", "targets: [crn]"),
                "targets: [crn]", "flows.support-customers.targets: unknown system 'crn'", "did you mean 'crm'?");
    }

    @Test
    void unknownMergeStrategy() {
        assertProblem(exampleWith("merge: last-writer-wins", "merge: last-write-wins"),
                "merge: last-write-wins", "domains.customer.fields.phone.merge: unknown merge strategy 'last-write-wins'",
                "did you mean 'last-writer-wins'?");
    }

    @Test
    void badDurationExplainsTheFormat() {
        assertProblem(exampleWith("freshness-sla: 5m", "freshness-sla: five minutes"),
                "freshness-sla: five", "flows.crm-customers.freshness-sla: expected a positive duration, found 'five minutes'", "30s, 5m");
    }

    @Test
    void unknownSystemKind() {
        assertProblem(exampleWith("kind: mariadb", "kind: mysql8"),
                "kind: mysql8", "systems.billing.kind: unknown system kind 'mysql8'", "expected one of");
    }

    @Test
    void keyFieldMustBeMappedByEverySystem() {
        assertProblem(exampleWith("          customer_id: customer_ref\n", ""),
                "fields:\n          email: contact_email", "systems.billing.domains.customer.fields: the domain's key field 'customer_id' is not mapped",
                "or name the system's own id column with 'key: <column>'");
    }

    @Test
    void fieldMissingFromTheSchemaIsAnError() {
        String text = exampleWith("      signup_date:\n        owner: crm\n        description: Day the customer signed up.\n",
                "      signup_date:\n        owner: crm\n        description: Day the customer signed up.\n      loyalty:\n        owner: crm\n");
        assertProblem(text, "      loyalty:", "domains.customer.fields.loyalty: field 'loyalty' is not in schema", "add it to the schema");
    }

    @Test
    void invalidYamlNamesLineAndColumn() {
        String text = exampleWith("  crm:\n    kind: postgres", "  crm:\n    kind: postgres\n   bad: [unclosed");
        assertThatThrownBy(() -> load(text))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining("broken.yaml:")
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void missingSchemaFileIsReportedAtTheReference() {
        assertProblem(exampleWith("file: schemas/customer.schema.json", "file: schemas/customers.json"),
                "file: schemas/customers.json", "domains.customer.schema.file: schema file not found", "relative to the contract");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String text = exampleWith("kind: mariadb", "kind: mysql8").replace("merge: last-writer-wins", "merge: lww");
        assertThatThrownBy(() -> load(text))
                .isInstanceOfSatisfying(ContractException.class, e -> assertThat(e.problems()).hasSize(2));
    }

    @Test
    void fileThatIsNotUtf8IsRejected(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("latin1.yaml");
        Files.write(file, "name: caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> new ContractLoader().load(file))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining("latin1.yaml:1:10: the file is not valid UTF-8 (byte 0xE9)");
    }

    /** Loads {@code text}, expects exactly the problem at the line of {@code locator} with the message and hint. */
    private static void assertProblem(String text, String locator, String message, String hint) {
        int line = lineOf(text, locator);
        assertThatThrownBy(() -> load(text))
                .isInstanceOfSatisfying(ContractException.class, e -> {
                    assertThat(e.problems()).anySatisfy(p -> {
                        assertThat(p.render()).contains(message).contains(hint);
                        assertThat(p.line()).isEqualTo(line);
                        assertThat(p.column()).isPositive();
                        assertThat(p.render()).startsWith("broken.yaml:" + line + ":" + p.column() + ": ");
                    });
                });
    }

    private static int lineOf(String text, String locator) {
        int index = text.indexOf(locator);
        if (index < 0) {
            throw new IllegalArgumentException("locator not found: " + locator);
        }
        return (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }
}
