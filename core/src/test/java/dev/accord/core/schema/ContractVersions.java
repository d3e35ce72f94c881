package dev.accord.core.schema;

import dev.accord.core.TestContracts;
import dev.accord.core.contract.Contract;
import dev.accord.core.contract.ContractLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Versions of the example contract and its schema, edited and written to a folder of their own. */
final class ContractVersions {

    static final String SCHEMA_FILE = "schemas/customer.schema.json";

    private ContractVersions() {}

    static String contractText() {
        return dev.accord.core.PlainExample.text();
    }

    static String schemaText() {
        try {
            return Files.readString(TestContracts.EXAMPLES.resolve(SCHEMA_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the contract and schema to {@code folder} and loads them. */
    static Contract write(Path folder, String contract, String schema) {
        try {
            Files.createDirectories(folder.resolve("schemas"));
            Files.writeString(folder.resolve(SCHEMA_FILE), schema);
            Files.writeString(folder.resolve("contract.yaml"), contract);
            return new ContractLoader().load(folder.resolve("contract.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String replace(String text, String snippet, String replacement) {
        if (!text.contains(snippet)) {
            throw new IllegalArgumentException("not found: " + snippet);
        }
        return text.replace(snippet, replacement);
    }
}
