package dev.accord.core.contract;

/**
 * One thing wrong with a contract, located precisely enough to fix without searching.
 *
 * @param file the contract (or schema) file as given to the loader
 * @param line 1-based line, 0 when the problem concerns the whole file
 * @param column 1-based column, 0 when unknown
 * @param path the key path of the offending node, for example {@code domains.customer.fields.email.owner}
 * @param message what is wrong and what was expected
 * @param hint what to do about it, may be null
 */
public record ContractProblem(String file, int line, int column, String path, String message, String hint) {

    /** Renders as {@code file:line:column: path: message} followed by the hint on its own line. */
    public String render() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line).append(':').append(column);
        }
        text.append(": ");
        if (path != null && !path.isEmpty()) {
            text.append(path).append(": ");
        }
        text.append(message);
        if (hint != null && !hint.isEmpty()) {
            text.append(System.lineSeparator()).append("    hint: ").append(hint);
        }
        return text.toString();
    }
}
