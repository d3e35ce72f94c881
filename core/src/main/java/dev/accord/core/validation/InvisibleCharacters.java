package dev.accord.core.validation;

import java.util.Optional;

/**
 * Finds and removes Unicode format characters (general category Cf): zero-width space, non-joiner and joiner
 * (U+200B–U+200D), left-to-right and right-to-left marks (U+200E, U+200F), bidi embeddings, overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069), word joiner (U+2060), byte order mark (U+FEFF), soft hyphen
 * (U+00AD), tag characters and the rest of the category as the JDK's Unicode tables define it.
 *
 * <p>A violation names the field, the character's code point and name and its position, never the text: the
 * text may be personal data.
 */
public final class InvisibleCharacters {

    private InvisibleCharacters() {}

    public static boolean isFormatCharacter(int codePoint) {
        return Character.getType(codePoint) == Character.FORMAT;
    }

    /** The text without its format characters; the same instance when it holds none. */
    public static String strip(String text) {
        if (text.codePoints().noneMatch(InvisibleCharacters::isFormatCharacter)) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(c -> !isFormatCharacter(c)).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    /**
     * A {@link ReasonCode#FORMAT_CHARACTER} violation for the first format character in {@code text}, if any.
     *
     * @param where what held the text, for the message: {@code column 'email'}, {@code field 'email'}
     */
    public static Optional<Violation> find(String field, String where, String text) {
        int position = 0;
        int first = -1;
        int firstPosition = 0;
        int count = 0;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int codePoint = text.codePointAt(i);
            position++;
            if (isFormatCharacter(codePoint)) {
                count++;
                if (first < 0) {
                    first = codePoint;
                    firstPosition = position;
                }
            }
        }
        if (first < 0) {
            return Optional.empty();
        }
        String more = count == 1 ? "" : " (and " + (count - 1) + " more)";
        return Optional.of(Violation.at(ReasonCode.FORMAT_CHARACTER, field, String.format(
                "%s holds the invisible format character U+%04X %s at character %d%s; field '%s' does not allow them"
                        + " (format-characters: reject)", where, first, Character.getName(first), firstPosition, more, field)));
    }
}
