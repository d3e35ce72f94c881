package dev.accord.core.contract;

import java.util.Arrays;
import java.util.Optional;

/** How a tombstone lands in a target table: a soft-delete column, or removal of the row. */
public enum DeleteMode {
    SOFT("soft"),
    HARD("hard");

    private final String spelling;

    DeleteMode(String spelling) {
        this.spelling = spelling;
    }

    public String spelling() {
        return spelling;
    }

    public static Optional<DeleteMode> parse(String text) {
        return Arrays.stream(values()).filter(m -> m.spelling.equals(text)).findFirst();
    }
}
