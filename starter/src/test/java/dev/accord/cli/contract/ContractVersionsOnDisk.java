package dev.accord.cli.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Copies of the example contract and its schema in a folder of their own, edited. */
final class ContractVersionsOnDisk {

    static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();
    static final Path EXAMPLE = EXAMPLES.resolve("customers.contract.yaml");
    static final String SCHEMA = "schemas/customer.schema.json";

    private ContractVersionsOnDisk() {}

    /** Writes the example, with {@code schemaFrom → schemaTo} applied to the schema and the schema version set. */
    static Path write(Path folder, String schemaFrom, String schemaTo, int schemaVersion) throws IOException {
        Files.createDirectories(folder.resolve("schemas"));
        String schema = Files.readString(EXAMPLES.resolve(SCHEMA));
        if (!schema.contains(schemaFrom)) {
            throw new IllegalArgumentException("not in the schema: " + schemaFrom);
        }
        Files.writeString(folder.resolve(SCHEMA), schema.replace(schemaFrom, schemaTo));
        String contract = Files.readString(EXAMPLE).replace("      version: 3\n", "      version: " + schemaVersion + "\n");
        Path file = folder.resolve("customers.contract.yaml");
        Files.writeString(file, contract);
        return file;
    }
}
