package dev.accord.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.core.TestContracts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A contract whose schema the runtime validator cannot compile is refused at the schema file's line. */
class SchemaFilesCompileTest {

    private static final String SCHEMA = "schemas/customer.schema.json";

    @Test
    void aDraft07ItemsArrayUnder2020_12IsRefusedAtItsLine(@TempDir Path folder) throws Exception {
        String schema = Files.readString(TestContracts.EXAMPLES.resolve(SCHEMA));
        String broken = schema.replaceFirst("\"properties\": \\{", "\"properties\": {\n    \"tags\": { \"type\": \"array\", \"items\": [{ \"type\": \"string\" }] },");
        assertThat(broken).isNotEqualTo(schema);
        Files.createDirectories(folder.resolve("schemas"));
        Files.writeString(folder.resolve(SCHEMA), broken);
        int line = lineOf(broken, "\"tags\"");

        assertThatThrownBy(() -> new ContractLoader().load(TestContracts.exampleText(), "c.yaml", folder))
                .isInstanceOfSatisfying(ContractException.class, e -> assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.file()).endsWith(SCHEMA);
                    assertThat(p.line()).isEqualTo(line);
                    assertThat(p.path()).isEqualTo("/properties/tags/items");
                    assertThat(p.render()).contains("cannot use this schema", "read as draft 2020-12");
                }));
    }

    @Test
    void theExampleSchemasCompile() {
        assertThat(TestContracts.example().domains()).isNotEmpty();
    }

    private static int lineOf(String text, String snippet) {
        return text.substring(0, text.indexOf(snippet)).split("\n", -1).length;
    }
}
