package dev.accord.core.contract;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Reads the JSON Schema files a contract refers to, relative to the contract's folder. */
final class SchemaFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path baseDirectory;

    SchemaFiles(Path baseDirectory) {
        this.baseDirectory = baseDirectory;
    }

    Optional<JsonNode> read(String file, YamlNode at, Problems problems) {
        Path resolved = baseDirectory.resolve(file).normalize();
        try {
            return Optional.of(JSON.readTree(Files.readString(resolved)));
        } catch (NoSuchFileException e) {
            at.problem("schema file not found: " + resolved, "paths are relative to the contract file's folder");
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            problems.addProblem(new ContractProblem(resolved.toString(),
                    where == null ? 0 : where.getLineNr(), where == null ? 0 : where.getColumnNr(), "",
                    "not valid JSON: " + e.getOriginalMessage(), "fix the schema file; it is referenced from " + at.path()));
        } catch (IOException e) {
            at.problem("cannot read schema file " + resolved + ": " + e.getMessage(), null);
        }
        return Optional.empty();
    }
}
