package dev.accord.core.schema;

/** The registry's name for a bound keyword: {@code maxLength} → {@code MAX_LENGTH}, {@code exclusiveMinimum} → {@code EXCLUSIVE_MINIMUM}. */
final class BoundNames {

    private BoundNames() {}

    static String stem(String keyword) {
        StringBuilder stem = new StringBuilder();
        for (char c : keyword.toCharArray()) {
            if (Character.isUpperCase(c)) {
                stem.append('_');
            }
            stem.append(Character.toUpperCase(c));
        }
        return stem.toString();
    }
}
