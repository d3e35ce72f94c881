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

    /** NFC and trimmed; blank text becomes null (an empty value). */
    static String normalise(String text) {
        String trimmed = Normalizer.normalize(text, Normalizer.Form.NFC).strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
