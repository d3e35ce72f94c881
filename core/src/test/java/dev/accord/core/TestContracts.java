package dev.accord.core;

import dev.accord.core.contract.Contract;
import dev.accord.core.contract.ContractLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The example contract under {@code examples/}, as text and loaded, optionally edited first. */
public final class TestContracts {

    public static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();
    public static final Path EXAMPLE = EXAMPLES.resolve("customers.contract.yaml");

    private TestContracts() {}

    public static String exampleText() {
        try {
            return Files.readString(EXAMPLE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Contract example() {
        return new ContractLoader().load(EXAMPLE);
    }

    /** The example with one exact snippet replaced; fails when the snippet is not in the example. */
    public static String exampleWith(String snippet, String replacement) {
        String text = exampleText();
        if (!text.contains(snippet)) {
            throw new IllegalArgumentException("example contract does not contain: " + snippet);
        }
        return text.replace(snippet, replacement);
    }

    public static Contract load(String text) {
        return new ContractLoader().load(text, "broken.yaml", EXAMPLES);
    }
}
