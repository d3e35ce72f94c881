package dev.accord.core.mapping;

import dev.accord.core.TestContracts;
import dev.accord.core.contract.Contract;
import dev.accord.core.contract.ContractLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The example contract plus the field types it does not use, so mapping tests reach every conversion:
 * a timestamp ({@code last_contact_at}: CRM local time in Europe/Berlin, billing with a field-level
 * America/New_York zone), a boolean ({@code vip}) and an integer ({@code seats}; support stores it ×100).
 */
final class TypedContract {

    private static final String SCHEMA_ADDITIONS = """
            "credit_limit": { "type": "number", "minimum": 0 },
                "last_contact_at": { "type": ["string", "null"], "format": "date-time" },
                "vip": { "type": "boolean" },
                "seats": { "type": "integer", "minimum": 0 }""";

    private static final String FIELD_RULES = """
                  last_contact_at:
                    owner: crm
                    merge: last-writer-wins
                    description: When someone last spoke to the customer.
                  vip:
                    owner: billing
                  seats:
                    owner: billing
                    unit: seats

            flows:
            """;

    private TypedContract() {}

    static Contract load() {
        String contract = TestContracts.exampleText();
        contract = replace(contract, "          signup_date: signup_date\n          plan: plan\n",
                "          signup_date: signup_date\n          plan: plan\n          last_contact_at: last_contact\n");
        contract = replace(contract, "            factor: 0.01               # cents in billing, euros in the canonical model\n",
                "            factor: 0.01\n"
                        + "          last_contact_at:\n            column: last_contact_local\n            timezone: America/New_York\n"
                        + "          vip: is_vip\n          seats: seat_count\n");
        contract = replace(contract, "          plan: plan\n\ndomains:",
                "          plan: plan\n          seats:\n            column: seats_x100\n            factor: 0.01\n\ndomains:");
        contract = replace(contract, "\nflows:\n", "\n" + FIELD_RULES);
        try {
            Path folder = Files.createTempDirectory("accord-typed-contract");
            Path schemas = Files.createDirectories(folder.resolve("schemas"));
            String schema = Files.readString(TestContracts.EXAMPLES.resolve("schemas/customer.schema.json"));
            Files.writeString(schemas.resolve("customer.schema.json"),
                    replace(schema, "\"credit_limit\": { \"type\": \"number\", \"minimum\": 0 }", SCHEMA_ADDITIONS));
            try {
                return new ContractLoader().load(contract, "typed.contract.yaml", folder);
            } finally {
                Files.delete(schemas.resolve("customer.schema.json"));
                Files.delete(schemas);
                Files.delete(folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String replace(String text, String snippet, String replacement) {
        if (!text.contains(snippet)) {
            throw new IllegalArgumentException("example does not contain: " + snippet);
        }
        return text.replace(snippet, replacement);
    }
}
