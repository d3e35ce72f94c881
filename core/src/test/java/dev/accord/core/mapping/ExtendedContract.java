package dev.accord.core.mapping;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accord.core.TestContracts;
import dev.accord.core.contract.Contract;
import dev.accord.core.contract.ContractLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The example contract plus the field types it does not use: an integer ({@code seats}), a boolean
 * ({@code vip}) and a timestamp ({@code last_contact_at}). The CRM stores the timestamp in its system zone
 * (Europe/Berlin); billing stores it with a field zone of its own (America/New_York).
 */
final class ExtendedContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExtendedContract() {}

    /** Writes the extended contract and its schema into {@code folder} and loads it. */
    static Contract load(Path folder) {
        try {
            ObjectNode schema = (ObjectNode) JSON.readTree(TestContracts.EXAMPLES.resolve("schemas/customer.schema.json").toFile());
            ObjectNode properties = (ObjectNode) schema.get("properties");
            properties.putObject("seats").put("type", "integer").put("minimum", 0);
            properties.putObject("vip").put("type", "boolean");
            properties.putObject("last_contact_at").put("type", "string").put("format", "date-time");
            Files.createDirectories(folder.resolve("schemas"));
            JSON.writeValue(folder.resolve("schemas/customer.schema.json").toFile(), schema);
            String text = TestContracts.exampleWith("          plan: plan\n\n  billing:",
                            "          plan: plan\n          vip: is_vip\n          last_contact_at: last_contact_at\n\n  billing:")
                    .replace("            factor: 0.01               # cents in billing, euros in the canonical model\n",
                            "            factor: 0.01\n          seats: seat_count\n"
                                    + "          last_contact_at:\n            column: last_contact\n            timezone: America/New_York\n")
                    .replace("\nflows:\n", "\n      seats:\n        owner: billing\n      vip:\n        owner: crm\n"
                            + "      last_contact_at:\n        owner: crm\n        merge: last-writer-wins\n\nflows:\n");
            return new ContractLoader().load(text, "extended.yaml", folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
