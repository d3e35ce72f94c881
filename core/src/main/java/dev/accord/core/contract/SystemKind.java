package dev.accord.core.contract;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The platform kinds Accord has connectors for. */
public enum SystemKind {
    POSTGRES, MARIADB, H2, HTTP, FILE;

    /** True for the kinds reached through JDBC, whose domains map to a table. */
    public boolean isJdbc() {
        return this == POSTGRES || this == MARIADB || this == H2;
    }

    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SystemKind> parse(String text) {
        return Arrays.stream(values()).filter(k -> k.spelling().equals(text)).findFirst();
    }
}
