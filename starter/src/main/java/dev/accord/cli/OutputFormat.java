package dev.accord.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import picocli.CommandLine.Option;

/**
 * {@code -o text|json} of the status and listing commands. JSON is one document (an object or an array) on standard
 * output and nothing else: errors go to standard error with exit code 1. Its shapes are the records the commands
 * print, documented field by field in docs/cli.md; fields are only ever added, never renamed or removed.
 */
public final class OutputFormat {

    /** The two ways a command can print its answer. */
    public enum Format { text, json }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = {"-o", "--output"}, paramLabel = "text|json", defaultValue = "text",
            description = "text (default) for people; json for scripts: one JSON document on stdout (see docs/cli.md).")
    Format format = Format.text;

    public boolean json() {
        return format == Format.json;
    }

    /** Prints {@code document} (a record, list or map) as one JSON document on standard output. */
    public void print(Object document) {
        try {
            System.out.println(JSON.writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the answer as JSON", e);
        }
    }

    /**
     * A JSON text the store holds (a run's options or counts) as a JSON value, so it is nested in the document rather
     * than quoted in it; null stays null.
     */
    public static JsonNode parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("the store holds JSON that does not parse: " + e.getOriginalMessage(), e);
        }
    }
}
