package dev.accord.core.schema;

import static dev.accord.core.schema.ContractVersions.contractText;
import static dev.accord.core.schema.ContractVersions.replace;
import static dev.accord.core.schema.ContractVersions.schemaText;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.core.contract.Contract;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code accord contract check}: schema compatibility under the domain's mode, version bumps, consumer contracts. */
class ContractCheckTest {

    private static final String BILLING_FIELDS = "        fields:\n          customer_id: customer_ref\n";
    private static final String SUPPORT_FIELDS = "        fields:\n          customer_id: customer_id\n          name: display_name\n";
    private static final String KEY = "    key: customer_id\n";
    private static final String NAME_LENGTH = "\"maxLength\": 200";

    @TempDir
    Path folder;

    @Test
    void anUnchangedContractIsCompatible() {
        Contract contract = version("v1", contractText(), schemaText());

        CheckReport report = ContractCheck.against(contract, contract, "v1");

        assertThat(report.compatible()).isTrue();
        assertThat(report.render()).startsWith("compatible with v1");
    }

    @Test
    void aRelaxedConstraintWithAVersionBumpPassesBackwardButNotFull() {
        Contract before = version("v3", contractText(), schemaText());
        String relaxed = replace(schemaText(), NAME_LENGTH, "\"maxLength\": 300");
        Contract backward = version("v4", bump(contractText()), relaxed);
        Contract full = version("v4-full", replace(bump(contractText()), KEY, KEY + "    compatibility: FULL\n"), relaxed);

        assertThat(ContractCheck.against(before, backward, "v3").breaking()).isEmpty();
        assertThat(ContractCheck.against(before, full, "v3").breaking()).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("$.name");
            assertThat(f.rule()).isEqualTo("MAX_LENGTH_INCREASED (FORWARD)");
            assertThat(f.message()).contains("maxLength 200 → 300", "version 3");
        });
    }

    @Test
    void aChangedSchemaNeedsAHigherVersion() {
        Contract before = version("v3", contractText(), schemaText());
        Contract after = version("v3-changed", contractText(), replace(schemaText(), NAME_LENGTH, "\"maxLength\": 300"));

        assertThat(ContractCheck.against(before, after, "v3").breaking()).extracting(Finding::rule)
                .containsExactly("SCHEMA_VERSION_NOT_BUMPED");
    }

    @Test
    void aNewValueTheConsumerDoesNotHandleBreaksItEvenWhereBackwardAllowsIt() {
        String reads = replace(contractText(), BILLING_FIELDS,
                "        reads:\n          plan: { values: [free, pro, enterprise] }\n" + BILLING_FIELDS);
        Contract before = version("v3", reads, schemaText());
        Contract after = version("v4", bump(replace(reads, "allowed: [free, pro, enterprise]", "allowed: [free, pro, enterprise, trial]")),
                replace(schemaText(), "\"enum\": [\"free\", \"pro\", \"enterprise\"]", "\"enum\": [\"free\", \"pro\", \"enterprise\", \"trial\"]"));

        CheckReport report = ContractCheck.against(before, after, "v3");

        assertThat(report.breaking()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("CONSUMER_VALUES_WIDENED");
            assertThat(f.path()).isEqualTo("$.plan");
            assertThat(f.message()).contains("billing handles only free, pro, enterprise", "adds trial");
        });
    }

    @Test
    void narrowingAFieldATargetReadsBreaksItEvenWhereForwardAllowsIt() {
        String forward = replace(replace(contractText(), KEY, KEY + "    compatibility: FORWARD\n"), SUPPORT_FIELDS,
                "        reads: [plan]\n" + SUPPORT_FIELDS);
        Contract before = version("v3", forward, schemaText());
        Contract after = version("v4", bump(forward),
                replace(schemaText(), "\"enum\": [\"free\", \"pro\", \"enterprise\"]", "\"enum\": [\"free\", \"pro\"]"));

        assertThat(ContractCheck.against(before, after, "v3").breaking()).extracting(Finding::rule, Finding::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CONSUMER_VALUES_NARROWED", "$.plan"));
    }

    @Test
    void removingAFieldATargetReadsBreaksItEvenUnderNone() {
        String none = replace(contractText(), KEY, KEY + "    compatibility: NONE\n");
        Contract before = version("v3", replace(none, SUPPORT_FIELDS, "        reads: [phone]\n" + SUPPORT_FIELDS), schemaText());
        String withoutPhone = replace(replace(none, "          phone: phone\n", ""), "      phone:\n        owner: crm\n"
                + "        merge: last-writer-wins\n        writers: [support]           # support agents may correct phone numbers\n"
                + "        description: Contact phone in E.164 form.\n        pii: true\n        steward: support-leads@example.com\n", "");
        Contract after = version("v4", bump(withoutPhone),
                replace(schemaText(), "    \"phone\": { \"type\": [\"string\", \"null\"], \"pattern\": \"^\\\\+[0-9 ]{6,20}$\" },\n", ""));

        assertThat(ContractCheck.against(before, after, "v3").breaking()).extracting(Finding::rule, Finding::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CONSUMER_FIELD_REMOVED", "$.phone"));
    }

    @Test
    void theRegistryChecksEveryEarlierVersionUnderATransitiveMode() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        String tightened = replace(schemaText(), NAME_LENGTH, "\"maxLength\": 100");
        Contract transitive = version("v4", replace(bump(contractText()), KEY, KEY + "    compatibility: BACKWARD_TRANSITIVE\n"), schemaText());
        Map<String, List<VersionedSchema>> registry = Map.of("customer", List.of(
                new VersionedSchema(2, json.readTree(replace(schemaText(), NAME_LENGTH, "\"maxLength\": 250"))),
                new VersionedSchema(3, json.readTree(tightened))));

        CheckReport report = ContractCheck.againstRegistry(registry, transitive);

        assertThat(report.breaking()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("MAX_LENGTH_DECREASED (BACKWARD)");
            assertThat(f.message()).contains("version 2");
        });
    }

    @Test
    void theRegistryRefusesToReuseAVersionForOtherContent() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        Contract current = version("v3", contractText(), schemaText());

        CheckReport same = ContractCheck.againstRegistry(Map.of("customer", List.of(new VersionedSchema(3, json.readTree(schemaText())))), current);
        CheckReport other = ContractCheck.againstRegistry(Map.of("customer", List.of(
                new VersionedSchema(3, json.readTree(replace(schemaText(), NAME_LENGTH, "\"maxLength\": 9"))))), current);

        assertThat(same.compatible()).isTrue();
        assertThat(other.breaking()).extracting(Finding::rule).containsExactly("SCHEMA_VERSION_REUSED");
    }

    private Contract version(String name, String contract, String schema) {
        return ContractVersions.write(folder.resolve(name), contract, schema);
    }

    private static String bump(String contract) {
        return replace(contract, "      file: schemas/customer.schema.json\n      version: 3\n", "      file: schemas/customer.schema.json\n      version: 4\n");
    }
}
