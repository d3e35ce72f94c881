package dev.accord.core.schema;

import java.util.List;

/**
 * What {@code accord contract check} found: the breaking changes, and notes that break nothing.
 *
 * @param against what the contract was compared with (a contract file, the registry)
 */
public record CheckReport(String against, List<Finding> breaking, List<String> notes) {

    public CheckReport {
        breaking = List.copyOf(breaking);
        notes = List.copyOf(notes);
    }

    public boolean compatible() {
        return breaking.isEmpty();
    }

    /** A report for people and CI logs: one line per breaking change, with its path and rule. */
    public String render() {
        StringBuilder text = new StringBuilder();
        if (compatible()) {
            text.append("compatible with ").append(against).append('\n');
        } else {
            text.append(breaking.size()).append(breaking.size() == 1 ? " breaking change" : " breaking changes")
                    .append(" against ").append(against).append(":\n");
            breaking.forEach(f -> text.append("  ").append(f.render()).append('\n'));
        }
        notes.forEach(n -> text.append("  note: ").append(n).append('\n'));
        return text.toString();
    }
}
