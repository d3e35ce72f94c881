package dev.accord.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** docs/contract.md has a row for every change kind, with the verdicts the code gives it. */
class ChangeKindsDocumentedTest {

    private static final Path CONTRACT_DOC = Path.of("..", "docs", "contract.md").toAbsolutePath().normalize();

    @Test
    void everyKindIsInTheTableWithItsVerdicts() throws Exception {
        String doc = Files.readString(CONTRACT_DOC);

        assertThat(Arrays.stream(ChangeRule.values()).map(r -> "`" + r.name() + "`")).allMatch(doc::contains);
        for (ChangeRule rule : ChangeRule.values()) {
            String row = doc.lines().filter(l -> l.startsWith("| `" + rule.name() + "` |")).findFirst().orElse(null);
            if (row == null) {
                continue;
            }
            String[] cells = row.split(" \\| ");
            String marker = rule.computed() ? " *" : "";
            assertThat(cells[cells.length - 2]).as(rule + " BACKWARD").isEqualTo((rule.backwardSafe() ? "ok" : "breaks") + marker);
            assertThat(cells[cells.length - 1]).as(rule + " FORWARD").isEqualTo((rule.forwardSafe() ? "ok" : "breaks") + marker + " |");
        }
    }
}
