package dev.accord.core.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.core.validation.Violation;

/** A value brought into canonical form, or the violation that prevented it. */
record Normalised(JsonNode value, Violation violation) {

    static Normalised ok(JsonNode value) {
        return new Normalised(value, null);
    }

    static Normalised failed(Violation violation) {
        return new Normalised(null, violation);
    }
}
