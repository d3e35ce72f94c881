package dev.accord.workflows.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.IndexedValueType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The attributes the code sets are the ones the compose stack creates and operators read about, with the same types. */
class AccordSearchAttributesTest {

    private static final Map<IndexedValueType, String> CLI_TYPES = Map.of(
            IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD, "Keyword",
            IndexedValueType.INDEXED_VALUE_TYPE_INT, "Int",
            IndexedValueType.INDEXED_VALUE_TYPE_BOOL, "Bool");

    @Test
    void theComposeStacksNamespaceSetUpCreatesEveryAttributeWithItsType() throws IOException {
        String script = Files.readString(repository().resolve("deploy/temporal/create-namespace.sh"));

        AccordSearchAttributes.definitions().forEach((name, type) -> assertThat(script).contains(name + ":" + CLI_TYPES.get(type)));
    }

    @Test
    void theOperationsGuideNamesEveryAttributeWithItsType() throws IOException {
        String guide = Files.readString(repository().resolve("docs/operations.md"));

        AccordSearchAttributes.definitions().forEach((name, type) -> assertThat(guide).contains("| `" + name + "` | " + CLI_TYPES.get(type) + " |"));
    }

    private static Path repository() {
        Path here = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        return Files.isDirectory(here.resolve("deploy")) ? here : here.getParent();
    }
}
