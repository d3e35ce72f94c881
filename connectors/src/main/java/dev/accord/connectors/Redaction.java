package dev.accord.connectors;

import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * Takes the values out of what databases and APIs say when they refuse something, before it reaches a log line, an
 * exception message or a workflow history. Drivers quote the offending values: PostgreSQL in its {@code Detail:}
 * line ({@code Key (email)=(ada@example.com) already exists}, {@code Failing row contains (…)}) and after
 * {@code invalid input syntax for type …:}; MariaDB in single quotes ({@code Duplicate entry 'ada@…' for key …});
 * H2 in single quotes and in the statement it appends; an API in its error body. What stays is what an operator
 * needs: the first line of the message, with names of columns, constraints and types, and the SQLSTATE.
 */
public final class Redaction {

    /** Longest redacted message kept. */
    static final int MAX_LENGTH = 400;

    private static final Pattern SINGLE_QUOTED = Pattern.compile("'(?:[^'\\\\]|\\\\.|'')*'");
    private static final Pattern PARENTHESISED_VALUES = Pattern.compile("=\\((?:[^()]|\\([^()]*\\))*\\)");
    private static final Pattern FAILING_ROW = Pattern.compile("(?i)(failing row contains) \\(.*");
    /** A double-quoted text right after a colon is a value ({@code for type integer: "abc"}, {@code For input string: "12,50"}). */
    private static final Pattern AFTER_COLON_QUOTED = Pattern.compile("(?<!\"):(\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern STATEMENT = Pattern.compile("(?is)(; SQL statement:|\\n\\s*Query is:|\\n\\s*(Detail|Hint|Where|Position|Call getNextException)\\b).*");
    private static final Pattern VALUES_LIST = Pattern.compile("(?i)VALUES \\(.*?\\)");
    private static final Pattern EMAIL = Pattern.compile("[\\w.%+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern JSON_STRING_VALUE = Pattern.compile("\"([^\"]{1,64})\"(\\s*:\\s*)\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern ESCAPED_DOUBLE_QUOTED = Pattern.compile("\\\\\"(?:[^\"\\\\]|\\\\[^\"])*\\\\\"");
    /** Properties whose text is an API's explanation, kept (its quoted values still removed); any other string value goes. */
    private static final java.util.Set<String> EXPLANATIONS = java.util.Set.of("message", "error", "error_description", "detail",
            "title", "description", "reason", "hint");

    private Redaction() {}

    /** The message with every quoted value, value list and appended statement removed; null stays null. */
    public static String message(String message) {
        if (message == null) {
            return null;
        }
        String text = STATEMENT.matcher(message).replaceAll("");
        text = FAILING_ROW.matcher(text).replaceAll("$1 (…)");
        text = PARENTHESISED_VALUES.matcher(text).replaceAll("=(…)");
        text = VALUES_LIST.matcher(text).replaceAll("VALUES (…)");
        text = AFTER_COLON_QUOTED.matcher(text).replaceAll(":$1\"…\"");
        text = JSON_STRING_VALUE.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement("\"" + m.group(1) + "\"" + m.group(2)
                + "\"" + (EXPLANATIONS.contains(m.group(1).toLowerCase(java.util.Locale.ROOT))
                ? ESCAPED_DOUBLE_QUOTED.matcher(m.group(3)).replaceAll("\\\\\"…\\\\\"") : "…") + "\""));
        text = SINGLE_QUOTED.matcher(text).replaceAll("'…'");
        text = EMAIL.matcher(text).replaceAll("…@…");
        text = text.strip();
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH) + "…";
    }

    /**
     * A copy of {@code e} that keeps its SQLSTATE, vendor code and stack trace but carries the redacted message and
     * none of the original's causes or chained exceptions (which quote the same values again).
     */
    public static SQLException sqlException(SQLException e) {
        SQLException copy = new SQLException(e.getClass().getSimpleName() + ": " + message(e.getMessage()), e.getSQLState(), e.getErrorCode());
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }
}
