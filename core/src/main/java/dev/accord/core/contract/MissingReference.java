package dev.accord.core.contract;

import java.util.Arrays;
import java.util.Optional;

/**
 * What apply does with a record whose reference ({@code references: <domain>}) names a key the hub does not
 * hold (or holds deleted): park it (the delivery stays pending and is tried again with the next apply to
 * that target) or quarantine it for that target.
 */
public enum MissingReference {
    PARK("park"),
    QUARANTINE("quarantine");

    private final String spelling;

    MissingReference(String spelling) {
        this.spelling = spelling;
    }

    public String spelling() {
        return spelling;
    }

    public static Optional<MissingReference> parse(String text) {
        return Arrays.stream(values()).filter(m -> m.spelling.equals(text)).findFirst();
    }
}
