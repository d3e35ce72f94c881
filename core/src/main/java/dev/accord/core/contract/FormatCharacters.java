package dev.accord.core.contract;

import java.util.Arrays;
import java.util.Optional;

/**
 * What ingress does with Unicode format characters (general category Cf: zero-width space and joiners, word
 * joiner, byte order mark, soft hyphen, bidi controls, tag characters) inside a text field. They are invisible,
 * so a value holding one looks like another value and is not equal to it: {@code ada@example.com} with a
 * zero-width space inside passes an e-mail format check and reaches a target that cannot find the address.
 */
public enum FormatCharacters {
    /** The record is quarantined with {@code FORMAT_CHARACTER}. */
    REJECT("reject"),
    /** The characters are removed, before NFC and trimming. */
    STRIP("strip"),
    /** The text is taken as it is: joiners are part of emoji sequences and of some scripts (ZWNJ in Persian). */
    KEEP("keep");

    private final String spelling;

    FormatCharacters(String spelling) {
        this.spelling = spelling;
    }

    public String spelling() {
        return spelling;
    }

    public static Optional<FormatCharacters> parse(String text) {
        return Arrays.stream(values()).filter(m -> m.spelling.equals(text)).findFirst();
    }
}
