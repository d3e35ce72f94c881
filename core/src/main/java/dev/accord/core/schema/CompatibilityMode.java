package dev.accord.core.schema;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a new version of a domain's canonical schema must relate to earlier versions, with the meaning the
 * Confluent Schema Registry gives these modes for JSON Schema:
 *
 * <ul>
 *   <li>{@code BACKWARD}: consumers using the new schema can read data written with the previous one;</li>
 *   <li>{@code FORWARD}: consumers still on the previous schema can read data written with the new one;</li>
 *   <li>{@code FULL}: both;</li>
 *   <li>{@code *_TRANSITIVE}: the same, against every earlier version rather than only the latest;</li>
 *   <li>{@code NONE}: no check.</li>
 * </ul>
 */
public enum CompatibilityMode {
    BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE, NONE;

    /** The registry's default, as in Confluent's. */
    public static final CompatibilityMode DEFAULT = BACKWARD;

    public boolean checksBackward() {
        return this == BACKWARD || this == BACKWARD_TRANSITIVE || this == FULL || this == FULL_TRANSITIVE;
    }

    public boolean checksForward() {
        return this == FORWARD || this == FORWARD_TRANSITIVE || this == FULL || this == FULL_TRANSITIVE;
    }

    /** Whether every earlier version is checked, not only the latest. */
    public boolean transitive() {
        return name().endsWith("_TRANSITIVE");
    }

    /** Reads {@code BACKWARD}, {@code backward}, {@code full-transitive} and the like. */
    public static Optional<CompatibilityMode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String normal = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(m -> m.name().equals(normal)).findFirst();
    }
}
