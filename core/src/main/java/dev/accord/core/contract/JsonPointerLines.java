package dev.accord.core.contract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where in a JSON text the member a JSON pointer names begins (its name, for an object member; its value, for an
 * array element): so that a problem found in a parsed schema is reported at the file's line and column.
 */
final class JsonPointerLines {

    private static final JsonFactory JSON = new JsonFactory();

    private JsonPointerLines() {}

    /** @return {line, column}, or {1, 1} when the pointer names the whole document or is not found */
    static int[] locate(String text, String pointer) {
        List<String> target = steps(pointer);
        if (target.isEmpty()) {
            return new int[] {1, 1};
        }
        try (JsonParser parser = JSON.createParser(text)) {
            parser.nextToken();
            return value(parser, new ArrayList<>(), target).map(JsonPointerLines::at).orElse(new int[] {1, 1});
        } catch (IOException e) {
            return new int[] {1, 1};
        }
    }

    /** Reads the value the parser is at; the location of the target if it lies within. */
    private static Optional<JsonLocation> value(JsonParser parser, List<String> path, List<String> target) throws IOException {
        if (path.equals(target)) {
            return Optional.of(parser.currentTokenLocation());
        }
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                List<String> member = with(path, parser.currentName());
                JsonLocation name = parser.currentTokenLocation();
                if (member.equals(target)) {
                    return Optional.of(name);
                }
                parser.nextToken();
                Optional<JsonLocation> found = value(parser, member, target);
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (token == JsonToken.START_ARRAY) {
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                Optional<JsonLocation> found = value(parser, with(path, String.valueOf(index++)), target);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> with(List<String> path, String step) {
        List<String> longer = new ArrayList<>(path);
        longer.add(step);
        return longer;
    }

    private static int[] at(JsonLocation location) {
        return new int[] {Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr())};
    }

    private static List<String> steps(String pointer) {
        List<String> steps = new ArrayList<>();
        if (pointer == null || pointer.isEmpty()) {
            return steps;
        }
        for (String step : pointer.substring(1).split("/", -1)) {
            steps.add(step.replace("~1", "/").replace("~0", "~"));
        }
        return steps;
    }
}
