package dev.accord.connectors.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accord.core.contract.FileMapping;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One record per line, as a JSON object (JSONL) or as delimited values (CSV, RFC 4180 quoting: a field in
 * double quotes may hold the delimiter, and {@code ""} is a quote; a record may not span lines). A line
 * that is not a record raises {@link Malformed} with what is wrong, so the caller can quarantine it with
 * its file and line number and go on with the next line.
 */
final class LineCodec {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** A line that is not a record. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    private final FileMapping file;

    LineCodec(FileMapping file) {
        this.file = file;
    }

    boolean csv() {
        return file.format() == FileMapping.Format.CSV;
    }

    /** The CSV header's column names. */
    List<String> header(String line) throws Malformed {
        List<String> names = fields(line);
        if (names.stream().anyMatch(String::isBlank)) {
            throw new Malformed("the header has an empty column name");
        }
        return names;
    }

    /** @param header the CSV header; ignored for JSONL */
    Map<String, Object> parse(String line, List<String> header) throws Malformed {
        Map<String, Object> values = new LinkedHashMap<>();
        if (!csv()) {
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                throw new Malformed("not a JSON object: " + e.getOriginalMessage());
            }
            if (!(node instanceof ObjectNode object)) {
                throw new Malformed("not a JSON object but " + node.getNodeType().name().toLowerCase());
            }
            object.fields().forEachRemaining(e -> values.put(e.getKey(), portable(e.getValue())));
            return values;
        }
        List<String> fields = fields(line);
        if (fields.size() != header.size()) {
            throw new Malformed(fields.size() + " fields, the header has " + header.size());
        }
        for (int i = 0; i < header.size(); i++) {
            values.put(header.get(i), fields.get(i).isEmpty() ? null : fields.get(i));
        }
        return values;
    }

    /** One record as a line; for CSV the values in {@code header} order. */
    String format(Map<String, Object> values, List<String> header) {
        if (!csv()) {
            ObjectNode object = JSON.createObjectNode();
            values.forEach((name, value) -> object.set(name, JSON.valueToTree(value instanceof BigDecimal d ? d : jsonFriendly(value))));
            return object.toString();
        }
        List<String> fields = new ArrayList<>();
        for (String name : header) {
            Object value = values.get(name);
            fields.add(value == null ? "" : quote(value.toString()));
        }
        return String.join(String.valueOf(file.delimiter()), fields);
    }

    String formatHeader(List<String> header) {
        return String.join(String.valueOf(file.delimiter()), header.stream().map(this::quote).toList());
    }

    private List<String> fields(String line) throws Malformed {
        char delimiter = file.delimiter();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (wasQuoted) {
                throw new Malformed("text after a closing quote at character " + (i + 1));
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new Malformed("a quote opened and never closed");
        }
        fields.add(field.toString());
        return fields;
    }

    private String quote(String text) {
        boolean needs = text.indexOf(file.delimiter()) >= 0 || text.indexOf('"') >= 0 || text.startsWith(" ") || text.endsWith(" ");
        return needs ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    private static Object jsonFriendly(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        return value.toString();
    }

    private static Object portable(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.asLong();
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        return value.isTextual() ? value.asText() : value.toString();
    }
}
