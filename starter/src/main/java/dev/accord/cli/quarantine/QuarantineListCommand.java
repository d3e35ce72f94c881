package dev.accord.cli.quarantine;

import dev.accord.store.AccordStore;
import dev.accord.store.QuarantineFilter;
import dev.accord.store.QuarantineLog;
import dev.accord.cli.StoreConnection;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code accord quarantine list}: entries counted by flow, reason and state, then the newest ones. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"Count entries by flow, reason and state, and list the newest.",
            "Open entries unless --state says otherwise. Payloads are not shown here:",
            "see `accord quarantine show <id>`."})
final class QuarantineListCommand implements Callable<Integer> {

    @Mixin
    StoreConnection store;

    @Option(names = "--flow", description = "Only this flow.")
    String flow;

    @Option(names = "--reason", paramLabel = "CODE", description = "Only this reason code, e.g. SCHEMA_CONSTRAINT (see docs/errors.md).")
    String reason;

    @Option(names = "--state", defaultValue = "open", description = "open, replayed, discarded or all (default ${DEFAULT-VALUE}).")
    String state;

    @Option(names = "--key", description = "Only entries of this record key.")
    String key;

    @Option(names = "--limit", defaultValue = "50", description = "How many entries to list (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        if (!"all".equals(state) && !QuarantineLog.STATES.contains(state)) {
            throw new IllegalArgumentException("--state is one of " + QuarantineLog.STATES + " or all, not '" + state + "'");
        }
        QuarantineFilter filter = new QuarantineFilter(flow, reason, "all".equals(state) ? null : state, key);
        AccordStore accord = store.open();
        List<QuarantineLog.Count> counts = accord.inTransaction(c -> accord.quarantine().counts(c, filter));
        List<QuarantineLog.Stored> entries = accord.inTransaction(c -> accord.quarantine().list(c, filter, limit));
        if (counts.isEmpty()) {
            System.out.println("no " + ("all".equals(state) ? "" : state + " ") + "quarantine entries");
            return 0;
        }
        System.out.printf("%-24s %-28s %-10s %7s%n", "flow", "reason", "state", "entries");
        counts.forEach(c -> System.out.printf("%-24s %-28s %-10s %7d%n", c.flow(), c.reasonCode(), c.state(), c.count()));
        System.out.println();
        System.out.printf("%8s  %-20s %-9s %-24s %-20s %-16s %-9s %5s  %s%n", "id", "flow", "system", "reason", "path", "key", "state",
                "seen", "last seen");
        for (QuarantineLog.Stored s : entries) {
            QuarantineLog.Entry e = s.entry();
            System.out.printf("%8d  %-20s %-9s %-24s %-20s %-16s %-9s %5d  %s%n", s.id(), e.flow(), (s.egress() ? ">" : "") + e.system(),
                    e.reasonCode(), shorten(e.path(), 20), shorten(e.key(), 16), s.state(), s.seenCount(), s.lastSeen());
        }
        long total = counts.stream().mapToLong(QuarantineLog.Count::count).sum();
        if (total > entries.size()) {
            System.out.println("(the newest " + entries.size() + " of " + total + "; --limit for more)");
        }
        System.out.println("(a system marked > is a target: the record was quarantined at egress)");
        return 0;
    }

    static String shorten(String text, int width) {
        if (text == null) {
            return "-";
        }
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
