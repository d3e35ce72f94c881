package dev.accord.core.schema;

import java.util.List;

/**
 * What {@code accord contract check} found: the breaking changes, every schema change with its verdict per
 * direction, and notes that break nothing.
 *
 * @param against what the contract was compared with (a contract file, the registry)
 * @param changes every schema change, one line each, with its verdict under BACKWARD, FORWARD and FULL
 */
public record CheckReport(String against, List<Finding> breaking, List<String> changes, List<String> notes) {

    public CheckReport {
        breaking = List.copyOf(breaking);
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
    }

    public CheckReport(String against, List<Finding> breaking, List<String> notes) {
        this(against, breaking, List.of(), notes);
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
        changes.forEach(c -> text.append("  change: ").append(c).append('\n'));
        notes.forEach(n -> text.append("  note: ").append(n).append('\n'));
        return text.toString();
    }
}
