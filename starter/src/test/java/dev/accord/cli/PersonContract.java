package dev.accord.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small contract for the CLI's integration tests: people in a CRM table copied to a desk table, both on the local
 * PostgreSQL in a schema of the test's own, with a three-field JSON Schema.
 */
public final class PersonContract {

    private PersonContract() {}

    /**
     * Writes the contract (named {@code name}, its tables in schema {@code tables}) and its schema into {@code dir};
     * returns the contract file.
     */
    public static Path write(Path dir, String name, String tables) {
        try {
            Files.createDirectories(dir.resolve("schemas"));
            Files.writeString(dir.resolve("schemas/person.schema.json"), SCHEMA);
            return Files.writeString(dir.resolve(name + ".contract.yaml"), TEXT.replace("@NAME@", name).replace("@TABLES@", tables));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final String TEXT = """
            accord: 1
            name: @NAME@
            version: 1
            systems:
              crm:
                kind: postgres
                connection: { url-env: CRM_URL, user-env: DB_USER }
                priority: 10
                timezone: UTC
                domains:
                  customer:
                    table: @TABLES@.crm_people
                    cursor: updated_at
                    fields: { customer_id: id, name: full_name, email: email }
              desk:
                kind: postgres
                connection: { url-env: DESK_URL, user-env: DB_USER }
                priority: 5
                domains:
                  customer:
                    table: @TABLES@.desk_contacts
                    version-column: row_version
                    delete: hard
                    fields: { customer_id: customer_id, name: display_name, email: email }
            domains:
              customer:
                key: customer_id
                schema: { file: schemas/person.schema.json, version: 1 }
                fields:
                  customer_id: { owner: crm, required: true }
                  name: { owner: crm, required: true }
                  email: { owner: crm, required: true }
            flows:
              crm-to-desk:
                domain: customer
                source: crm
                targets: [desk]
                batch-size: 100
            """;

    static final String SCHEMA = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "type": "object",
              "properties": {
                "customer_id": { "type": "string", "pattern": "^C[0-9]{6}$" },
                "name": { "type": "string", "minLength": 1 },
                "email": { "type": "string", "format": "email" }
              },
              "required": ["customer_id", "name", "email"],
              "additionalProperties": false
            }
            """;
}
