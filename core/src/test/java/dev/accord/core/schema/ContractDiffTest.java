package dev.accord.core.schema;

import static dev.accord.core.schema.ContractVersions.contractText;
import static dev.accord.core.schema.ContractVersions.replace;
import static dev.accord.core.schema.ContractVersions.schemaText;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.core.contract.Contract;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code accord contract diff}: the change field by field. */
class ContractDiffTest {

    @TempDir
    Path folder;

    @Test
    void showsRuleSchemaAndReaderChangesPerField() {
        Contract before = ContractVersions.write(folder.resolve("a"), contractText(), schemaText());
        String contract = replace(replace(contractText(), "        steward: finance@example.com\n      payment_status:",
                "        steward: billing-team@example.com\n      payment_status:"), "      version: 3\n", "      version: 4\n");
        contract = replace(contract, "          customer_id: customer_id\n          name: display_name\n",
                "          customer_id: customer_id\n          name: display_name\n") .replace("        table: support_contacts\n",
                "        table: support_contacts\n        reads: [name]\n");
        Contract after = ContractVersions.write(folder.resolve("b"), contract, replace(schemaText(), "\"maxLength\": 200", "\"maxLength\": 100"));

        List<ContractDiff.Entry> diff = ContractDiff.between(before, after);

        assertThat(diff).extracting(e -> e.field() + " " + e.aspect() + ": " + e.before() + " → " + e.after()).containsExactly(
                "null schema version: 3 → 4",
                "name schema: null → maxLength 200 → 100 [MAX_LENGTH_DECREASED]",
                "name read by: null → support",
                "plan steward: finance@example.com → billing-team@example.com");
        assertThat(ContractDiff.render(diff)).contains("customer.plan", "steward", "finance@example.com → billing-team@example.com");
        assertThat(ContractDiff.render(ContractDiff.between(before, before))).isEqualTo("no changes\n");
    }
}
