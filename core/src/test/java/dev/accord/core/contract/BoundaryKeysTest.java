package dev.accord.core.contract;

import static dev.accord.core.PlainExample.with;
import static dev.accord.core.TestContracts.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.core.schema.CompatibilityMode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The contract keys for contracts at the boundary: compatibility, reads, required-from, on-missing-reference. */
class BoundaryKeysTest {

    private static final String BILLING_FIELDS = "        fields:\n          customer_id: customer_ref\n          email: contact_email\n";
    private static final String SIGNUP = "      signup_date:\n        owner: crm\n";

    @Test
    void readsTheNewKeys() {
        String text = with("    key: customer_id\n", "    key: customer_id\n    compatibility: full-transitive\n")
                .replace(BILLING_FIELDS, "        reads:\n          plan: { type: string, values: [free, pro], required: true }\n"
                        + "          email:\n" + BILLING_FIELDS)
                .replace(SIGNUP, SIGNUP + "        required-from: 2030-01-01\n")
                .replace("        description: Whether invoices are paid.\n",
                        "        description: Whether invoices are paid.\n        required-from: strict-payments\n");

        Contract contract = load(text);

        DomainSpec customer = contract.domain("customer");
        assertThat(customer.compatibility()).isEqualTo(CompatibilityMode.FULL_TRANSITIVE);
        assertThat(customer.field("signup_date").orElseThrow().requiredFrom()).isEqualTo(new RequiredFrom(LocalDate.of(2030, 1, 1), null));
        assertThat(customer.field("payment_status").orElseThrow().requiredFrom()).isEqualTo(new RequiredFrom(null, "strict-payments"));
        assertThat(contract.mapping("billing", "customer").reads()).containsOnlyKeys("plan", "email");
        assertThat(contract.mapping("billing", "customer").reads().get("plan"))
                .isEqualTo(new ConsumerRead("plan", FieldType.STRING, java.util.List.of("free", "pro"), true));
        assertThat(contract.mapping("crm", "customer").reads()).isEmpty();
    }

    @Test
    void defaultsKeepOldContractsAsTheyWere() {
        Contract contract = dev.accord.core.TestContracts.example();

        assertThat(contract.domain("customer").compatibility()).isEqualTo(CompatibilityMode.BACKWARD);
        assertThat(contract.domain("customer").field("name").orElseThrow().requiredFrom()).isNull();
        assertThat(contract.domain("customer").field("name").orElseThrow().onMissingReference()).isNull();
    }

    @Test
    void aReferenceParksByDefaultOrQuarantinesWhenAsked() {
        String park = with("        description: Whether invoices are paid.\n",
                "        description: Whether invoices are paid.\n        references: customer\n");
        String quarantine = with("        description: Whether invoices are paid.\n",
                "        description: Whether invoices are paid.\n        references: customer\n        on-missing-reference: quarantine\n");

        assertThat(load(park).domain("customer").field("payment_status").orElseThrow().onMissingReference()).isEqualTo(MissingReference.PARK);
        assertThat(load(quarantine).domain("customer").field("payment_status").orElseThrow().onMissingReference())
                .isEqualTo(MissingReference.QUARANTINE);
    }

    @Test
    void reportsMistakesWithLineColumnPathAndHint() {
        assertProblem(with("    key: customer_id\n", "    key: customer_id\n    compatibility: BACKWARDS\n"),
                "BACKWARDS", "domains.customer.compatibility: unknown compatibility mode 'BACKWARDS'", "did you mean 'BACKWARD'?");
        assertProblem(with(BILLING_FIELDS, "        reads: [emial]\n" + BILLING_FIELDS),
                "reads: [emial]", "systems.billing.domains.customer.reads: domain 'customer' has no field 'emial'", "did you mean 'email'?");
        assertProblem(with(BILLING_FIELDS, "        reads: [name]\n" + BILLING_FIELDS),
                "reads: [name]", "reads field 'name' but does not map it", "map name under fields");
        assertProblem(with(BILLING_FIELDS, "        reads:\n          email: { type: integer }\n" + BILLING_FIELDS),
                "integer", "reads.email.type: reads 'email' as integer, but the schema declares string", "a type change is a schema change");
        assertProblem(with(SIGNUP, SIGNUP + "        required-from: soon!\n"),
                "soon!", "signup_date.required-from: expected a date (yyyy-MM-dd) or a flag name, found 'soon!'", "required-from: 2025-01-01");
        assertProblem(with(SIGNUP, SIGNUP + "        required-from: 2024-02-30\n"),
                "2024-02-30", "'2024-02-30' is not a date", "yyyy-MM-dd");
        assertProblem(with("        description: Legal or display name.\n",
                        "        description: Legal or display name.\n        required-from: 2030-01-01\n"),
                "2030-01-01", "requires 'name' already, so 'required-from' has no effect", "remove 'name' from the schema's required list");
        assertProblem(with(SIGNUP, SIGNUP + "        on-missing-reference: park\n"),
                "on-missing-reference", "'on-missing-reference' only applies to a field with 'references'", "add references");
        assertProblem(with(SIGNUP, SIGNUP + "        references: customer\n        on-missing-reference: wait\n"),
                "wait", "unknown reference rule 'wait'", "expected one of: park, quarantine");
    }

    @Test
    void aProducerMayDeclareAnEarlierSchemaVersionButNotALaterOne() {
        String lagging = with("        soft-delete-column: deleted_at\n", "        soft-delete-column: deleted_at\n        schema-version: 2\n");

        assertThat(load(lagging).mapping("crm", "customer").schemaVersion()).isEqualTo(2);
        assertThat(dev.accord.core.TestContracts.example().mapping("crm", "customer").schemaVersion()).isNull();
        assertProblem(with("        soft-delete-column: deleted_at\n", "        soft-delete-column: deleted_at\n        schema-version: 4\n"),
                "schema-version: 4", "schema-version 4 is not between 1 and the domain's schema version 3", "never run ahead");
    }

    private static void assertProblem(String text, String locator, String message, String hint) {
        int line = text.substring(0, text.indexOf(locator)).split("\n", -1).length;
        assertThatThrownBy(() -> load(text)).isInstanceOfSatisfying(ContractException.class, e ->
                assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.render()).contains(message).contains(hint);
                    assertThat(p.line()).isEqualTo(line);
                    assertThat(p.column()).isPositive();
                }));
    }
}
