package dev.accord.core.dictionary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.core.TestContracts;
import dev.accord.core.contract.Contract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The data dictionary of the example contract is committed under {@code docs/}. This test regenerates it and
 * fails when the committed copy was stale, leaving the fresh one in place to review and commit.
 */
class CommittedDictionaryTest {

    private static final Path DOCS = Path.of("..", "docs").toAbsolutePath().normalize();

    @Test
    void markdownIsUpToDate() throws IOException {
        assertUpToDate(DOCS.resolve("data-dictionary.md"), MarkdownDictionary.render(example()));
    }

    @Test
    void htmlIsUpToDate() throws IOException {
        assertUpToDate(DOCS.resolve("data-dictionary.html"), HtmlDictionary.render(example()));
    }

    private static Contract example() {
        return TestContracts.example();
    }

    private static void assertUpToDate(Path committed, String generated) throws IOException {
        String current = Files.exists(committed) ? Files.readString(committed) : "";
        if (!current.equals(generated)) {
            Files.writeString(committed, generated);
        }
        assertThat(current).as(committed + " was stale and has been regenerated from the example contract; review and commit it")
                .isEqualTo(generated);
    }
}
