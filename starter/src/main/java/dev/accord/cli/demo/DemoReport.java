package dev.accord.cli.demo;

import dev.accord.store.AccordStore;
import dev.accord.store.FieldHistory;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** Prints what the demo did: decisions per flow and round, quarantine reasons, and one record's history. */
final class DemoReport {

    private static final List<String> DECISIONS = List.of("applied", "unchanged", "echo", "duplicate", "stale",
            "rejected-not-owner", "needs-review", "quarantined");

    private final PrintStream out;

    DemoReport(PrintStream out) {
        this.out = out;
    }

    void runs(List<FlowRunner.Run> runs) {
        out.printf("%n%-20s %-18s %8s %8s %9s %6s %9s %6s %9s %7s %11s %8s %7s %9s%n", "round", "flow", "records", "applied",
                "unchanged", "echo", "duplicate", "stale", "rejected", "review", "quarantined", "written", "seconds", "rec/s");
        for (FlowRunner.Run run : runs) {
            Map<String, Long> counts = run.result().counts();
            long written = counts.entrySet().stream().filter(e -> e.getKey().endsWith(":written")).mapToLong(Map.Entry::getValue).sum();
            out.printf("%-20s %-18s %8d", run.round(), run.result().flow(), run.records());
            for (String decision : DECISIONS) {
                out.printf(" " + width(decision), counts.getOrDefault(decision, 0L));
            }
            out.printf(" %8d %7.2f %9.0f%n", written, run.seconds(), run.seconds() > 0 ? run.records() / run.seconds() : 0);
        }
        long total = runs.stream().mapToLong(FlowRunner.Run::records).sum();
        double seconds = runs.stream().mapToDouble(FlowRunner.Run::seconds).sum();
        out.printf("%-39s %8d %s %7.2f %9.0f%n", "total", total, " ".repeat(83), seconds, total / Math.max(seconds, 0.001));
    }

    void quarantine(AccordStore store) {
        Map<String, Long> reasons = store.inTransaction(c -> store.quarantine().countByReason(c, null));
        out.println();
        out.println("Quarantined (never written to a target), by reason code — see docs/errors.md:");
        reasons.forEach((reason, count) -> out.printf("  %-22s %6d%n", reason, count));
    }

    void history(AccordStore store, String key) {
        List<FieldHistory.Entry> entries = store.inTransaction(c -> store.history().forRecord(c, "customer", key, null));
        out.println();
        out.println("How customer " + key + " got its values (field history from the Accord store):");
        for (FieldHistory.Entry e : entries) {
            if (e.field().equals("phone") || e.field().equals("plan") || e.field().equals("name")) {
                out.printf("  %-6s %-19s %-24s -> %-24s from %s@%d (%s, page %d)%n", e.field(), e.decision(),
                        shorten(e.oldValue()), shorten(e.newValue()), e.sourceSystem(), e.sourceVersion(), e.flow(), e.page());
            }
        }
    }

    /** What the support desk's API answered Accord, by HTTP status, and what Accord did about it. */
    void supportDesk(Map<Integer, Long> statuses, String conflicted) {
        out.println();
        out.printf("The support desk's API answered %d requests:%n", statuses.values().stream().mapToLong(Long::longValue).sum());
        statuses.forEach((status, count) -> out.printf("  %d %-58s %6d%n", status, meaning(status), count));
        if (statuses.getOrDefault(412, 0L) > 0) {
            out.println("  (" + conflicted + " was edited by a support agent between Accord's read and write: its ETag went stale,");
            out.println("   so Accord re-read the contact, re-resolved it through the hub and wrote it again.)");
        }
    }

    private static String meaning(int status) {
        return switch (status) {
            case 200 -> "OK (reads, updates)";
            case 201 -> "Created (PUT with If-None-Match: *)";
            case 204 -> "No Content (deletes with If-Match)";
            case 412 -> "Precondition Failed: stale ETag, re-read and retried";
            case 429 -> "Too Many Requests: waited for Retry-After, then sent again";
            default -> "";
        };
    }

    private static String width(String decision) {
        return switch (decision) {
            case "applied" -> "%8d";
            case "unchanged" -> "%9d";
            case "echo" -> "%6d";
            case "duplicate" -> "%9d";
            case "stale" -> "%6d";
            case "rejected-not-owner" -> "%9d";
            case "needs-review" -> "%7d";
            default -> "%11d";
        };
    }

    private static String shorten(String value) {
        if (value == null) {
            return "(none)";
        }
        return value.length() <= 24 ? value : value.substring(0, 23) + "…";
    }
}
