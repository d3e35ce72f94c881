package dev.accord.core.contract;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads the JSON Schema files a contract refers to, relative to the contract's folder. They are JSON, read by
 * Jackson (whose own limits bound nesting and the length of names and numbers), held to the contract's rules:
 * UTF-8, no duplicate keys, a JSON object at the top, and a schema the runtime validator compiles
 * ({@link SchemaCompiler}: the draft its {@code $schema} names, 2020-12 when none), refused at the line of the part
 * the validator cannot use.
 */
final class SchemaFiles {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final Path baseDirectory;

    SchemaFiles(Path baseDirectory) {
        this.baseDirectory = baseDirectory;
    }

    Optional<JsonNode> read(String file, YamlNode at, Problems problems) {
        Path resolved = baseDirectory.resolve(file).normalize();
        try {
            String text = Files.readString(resolved);
            JsonNode schema = JSON.readTree(text);
            if (schema != null && schema.isObject()) {
                return compiled(schema, text, resolved, at, problems);
            }
            problems.addProblem(new ContractProblem(resolved.toString(), 1, 1, "", "a JSON Schema must be a JSON object { … }",
                    "fix the schema file; it is referenced from " + at.path()));
        } catch (NoSuchFileException e) {
            at.problem("schema file not found: " + resolved, "paths are relative to the contract file's folder");
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            problems.addProblem(new ContractProblem(resolved.toString(),
                    where == null ? 0 : where.getLineNr(), where == null ? 0 : where.getColumnNr(), "",
                    "not valid JSON: " + e.getOriginalMessage(), "fix the schema file; it is referenced from " + at.path()));
        } catch (CharacterCodingException e) {
            at.problem("schema file " + resolved + " is not valid UTF-8", "save it as UTF-8");
        } catch (IOException e) {
            at.problem("cannot read schema file " + resolved + ": " + e.getMessage(), null);
        }
        return Optional.empty();
    }

    /** The schema if the runtime validator compiles it; else a problem at the line of the part it refuses. */
    private static Optional<JsonNode> compiled(JsonNode schema, String text, Path file, YamlNode at, Problems problems) {
        try {
            SchemaCompiler.compile(schema);
            return Optional.of(schema);
        } catch (SchemaCompiler.InvalidSchemaException e) {
            int[] where = JsonPointerLines.locate(text, e.pointer());
            problems.addProblem(new ContractProblem(file.toString(), where[0], where[1], e.pointer(),
                    "the schema validator cannot use this schema: " + e.getMessage(),
                    "the schema is read as " + SchemaCompiler.draftName(schema) + "; fix it, or name another draft in $schema"
                            + " (it is referenced from " + at.path() + ")"));
            return Optional.empty();
        }
    }
}
