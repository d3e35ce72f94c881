package dev.accord.cli.quarantine;

import dev.accord.store.audit.QuarantineView;
import dev.accord.store.audit.QuarantineViews;
import dev.accord.store.AccordStore;
import dev.accord.store.QuarantineLog;
import dev.accord.cli.StoreConnection;
import dev.accord.core.contract.ContractLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code accord quarantine show <id>}: one entry in full, its payload's PII masked unless {@code --show-pii}. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Show one entry with its payload.",
            "Where it came from, why (reason code, path, message), the payload as first",
            "read (the source row's columns at ingress, the delivered fields at egress),",
            "how often it was seen, and who replayed or discarded it and when. Values of",
            "pii: true fields, and a message about one, are masked unless --show-pii."})
final class QuarantineShowCommand implements Callable<Integer> {

    @Mixin
    StoreConnection store;

    @Option(names = "--contract", paramLabel = "FILE", defaultValue = "${env:ACCORD_CONTRACT:-examples/customers.contract.yaml}",
            description = "The contract (for PII flags and the system's columns; default $ACCORD_CONTRACT or the example).")
    Path contract;

    @Option(names = "--show-pii", description = "Show PII values unmasked (you are a steward of this domain).")
    boolean showPii;

    @Parameters(paramLabel = "ID", description = "The entry's id (see `accord quarantine list`).")
    long id;

    @Override
    public Integer call() {
        AccordStore accord = store.open();
        QuarantineLog.Stored stored = accord.inTransaction(c -> accord.quarantine().find(c, id))
                .orElseThrow(() -> new IllegalArgumentException("no quarantine entry " + id + "; see `accord quarantine list --state all`"));
        QuarantineView v = new QuarantineViews(new ContractLoader().load(contract)).view(stored, showPii);
        System.out.println("entry          " + v.id() + (v.masked() ? "   [PII masked; --show-pii to reveal]" : ""));
        System.out.println("state          " + state(v));
        System.out.println("flow           " + v.flow() + " (" + (v.egress() ? "egress to target " : "ingress from ") + v.system()
                + ", domain " + v.domain() + ")");
        System.out.println("key            " + v.key());
        System.out.println("reason         " + v.reasonCode() + " at " + v.path());
        System.out.println("message        " + v.message());
        System.out.println("seen           " + v.seenCount() + " time(s), first " + v.firstSeen() + ", last " + v.lastSeen());
        System.out.println("quarantined by " + v.workflowId() + " (run " + v.runId() + ", page " + v.page() + ")");
        System.out.println("dedup key      " + v.dedupKey());
        if (v.replayRunId() != null) {
            System.out.println("last replay    " + v.replayWorkflowId() + " (run " + v.replayRunId() + "): " + v.replayOutcome());
        }
        System.out.println("payload        " + v.payload());
        return 0;
    }

    private static String state(QuarantineView v) {
        if (v.actedBy() == null) {
            return v.state();
        }
        String by = " by " + v.actedBy() + " at " + v.actedAt();
        return switch (v.state()) {
            case QuarantineLog.DISCARDED -> "discarded" + by + (v.note() == null ? "" : ": " + v.note());
            case QuarantineLog.REPLAYED -> "replayed" + by;
            default -> v.state() + " (last replayed" + by + ", see below)";
        };
    }
}
