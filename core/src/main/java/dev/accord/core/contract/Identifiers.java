package dev.accord.core.contract;

import java.util.regex.Pattern;

/**
 * Which names the contract accepts. Table and column names end up quoted in SQL, but we still accept
 * only plain SQL identifiers so that nothing in a contract can smuggle SQL or surprise a DBA.
 */
final class Identifiers {

    private static final Pattern SQL_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,62}");
    private static final Pattern FIELD = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private Identifiers() {}

    static boolean isSqlIdentifier(String text) {
        return text != null && SQL_IDENTIFIER.matcher(text).matches();
    }

    /** A table, optionally qualified by one schema: {@code crm.customers}. */
    static boolean isSqlTable(String text) {
        if (text == null) {
            return false;
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length > 2) {
            return false;
        }
        for (String part : parts) {
            if (!isSqlIdentifier(part)) {
                return false;
            }
        }
        return true;
    }

    /** System, domain and flow names: they appear in workflow ids and URLs. */
    static boolean isName(String text) {
        return text != null && NAME.matcher(text).matches();
    }

    static boolean isFieldName(String text) {
        return text != null && FIELD.matcher(text).matches();
    }

    static final String SQL_HINT = "use a plain SQL identifier: a letter or underscore, then letters, digits or underscores (at most 63)";
    static final String NAME_HINT = "use lower-case letters, digits, '-' or '_', starting with a letter";
    static final String FIELD_HINT = "use lower-case letters, digits or '_', starting with a letter or '_'";
}
