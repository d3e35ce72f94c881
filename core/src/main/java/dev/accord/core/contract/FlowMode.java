package dev.accord.core.contract;

import java.util.Arrays;
import java.util.Optional;

/** One-shot flows stop when caught up; continuous flows wait for the poll interval and read again. */
public enum FlowMode {
    ONE_SHOT("one-shot"),
    CONTINUOUS("continuous");

    private final String spelling;

    FlowMode(String spelling) {
        this.spelling = spelling;
    }

    public String spelling() {
        return spelling;
    }

    public static Optional<FlowMode> parse(String text) {
        return Arrays.stream(values()).filter(m -> m.spelling.equals(text)).findFirst();
    }
}
