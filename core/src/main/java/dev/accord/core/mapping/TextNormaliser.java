package dev.accord.core.mapping;

import java.text.Normalizer;

/** Text at the boundary: rejects broken encodings, then trims and puts into Unicode NFC. */
final class TextNormaliser {

    private TextNormaliser() {}

    /** True when the text holds an unpaired surrogate or the replacement character left by a failed decode. */
    static boolean hasInvalidEncoding(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD') {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** NFC and trimmed of every kind of space (also no-break spaces); blank text becomes null (an empty value). */
    static String normalise(String text) {
        String normal = Normalizer.normalize(text, Normalizer.Form.NFC);
        int start = 0;
        int end = normal.length();
        while (start < end && isSpace(normal.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(normal.charAt(end - 1))) {
            end--;
        }
        return start == end ? null : normal.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
