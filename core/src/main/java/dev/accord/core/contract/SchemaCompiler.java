package dev.accord.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.SpecVersionDetector;
import com.networknt.schema.ValidationMessage;
import java.util.Optional;
import java.util.Set;

/**
 * The one notion of a valid schema: what the runtime validator compiles. The draft is the one {@code $schema}
 * names, and 2020-12 when it names none; the schema must be valid against that draft's meta-schema (so that
 * {@code "type": "strin"} or {@code "minLength": "x"}, which the validator would compile and silently misread, are
 * refused); formats are asserted. The contract loader refuses a schema this cannot compile, at the line of the
 * offending keyword, so what {@code contract check} and {@code register} accept is exactly what a sync can use.
 */
public final class SchemaCompiler {

    /** The draft of a schema without {@code $schema}. */
    public static final SpecVersion.VersionFlag DEFAULT_DRAFT = SpecVersion.VersionFlag.V202012;

    private SchemaCompiler() {}

    /**
     * @throws InvalidSchemaException when the validator cannot compile the schema, with its reason and, where known,
     *                                the JSON pointer of the offending part
     */
    public static JsonSchema compile(JsonNode document) {
        SpecVersion.VersionFlag version = draft(document);
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(version);
        metaSchemaProblem(factory, version, document).ifPresent(problem -> {
            throw problem;
        });
        try {
            JsonSchema schema = factory.getSchema(document, config());
            schema.initializeValidators();
            return schema;
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new InvalidSchemaException(reason, SchemaFault.locate(document, SchemaCompiler::compiles), e);
        }
    }

    /** The draft the schema is read in: its {@code $schema}, else {@link #DEFAULT_DRAFT}. */
    public static SpecVersion.VersionFlag draft(JsonNode document) {
        if (!document.has("$schema")) {
            return DEFAULT_DRAFT;
        }
        try {
            return SpecVersionDetector.detect(document);
        } catch (RuntimeException e) {
            throw new InvalidSchemaException("$schema " + document.get("$schema") + " names no draft Accord knows (draft-04, -06, -07, "
                    + "2019-09, 2020-12)", "/$schema", e);
        }
    }

    /** The draft a schema is read in, spelled for people: {@code draft 2020-12 (the default: no $schema)}. */
    public static String draftName(JsonNode document) {
        String name;
        try {
            name = switch (draft(document)) {
                case V4 -> "draft-04";
                case V6 -> "draft-06";
                case V7 -> "draft-07";
                case V201909 -> "draft 2019-09";
                case V202012 -> "draft 2020-12";
            };
        } catch (InvalidSchemaException e) {
            return "an unknown draft";
        }
        return document.has("$schema") ? name : name + " (the default: no $schema)";
    }

    private static boolean compiles(JsonNode document) {
        try {
            JsonSchemaFactory.getInstance(draft(document)).getSchema(document, config()).initializeValidators();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Optional<InvalidSchemaException> metaSchemaProblem(JsonSchemaFactory factory, SpecVersion.VersionFlag version,
                                                                      JsonNode document) {
        JsonSchema meta = factory.getSchema(SchemaLocation.of(version.getId()), config());
        Set<ValidationMessage> messages = meta.validate(document);
        return messages.stream().findFirst().map(m -> new InvalidSchemaException("not a valid " + version.getId()
                + " schema: " + m.getMessage(), pointer(m), null));
    }

    private static String pointer(ValidationMessage message) {
        String location = message.getInstanceLocation() == null ? "" : message.getInstanceLocation().toString();
        if (location.equals("$")) {
            return "";
        }
        StringBuilder pointer = new StringBuilder();
        for (String step : location.replaceFirst("^\\$", "").split("(?=[.\\[])")) {
            if (step.isEmpty()) {
                continue;
            }
            String name = step.startsWith(".") ? step.substring(1) : step.substring(1, step.length() - 1).replaceAll("^'|'$", "");
            pointer.append('/').append(name.replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    private static SchemaValidatorsConfig config() {
        return SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).pathType(PathType.JSON_PATH).build();
    }

    /** A schema the runtime validator cannot compile. */
    public static final class InvalidSchemaException extends RuntimeException {
        private final String pointer;

        InvalidSchemaException(String message, String pointer, Throwable cause) {
            super(message, cause);
            this.pointer = pointer;
        }

        /** The JSON pointer of the offending part of the schema; empty for the whole schema. */
        public String pointer() {
            return pointer;
        }
    }
}
