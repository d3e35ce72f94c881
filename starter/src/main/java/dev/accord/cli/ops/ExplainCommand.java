package dev.accord.cli.ops;

import dev.accord.store.audit.Explainer;
import dev.accord.store.audit.Explanation;
import dev.accord.store.audit.FieldEvent;
import dev.accord.store.audit.TargetEvent;
import dev.accord.cli.StoreConnection;
import dev.accord.core.contract.ContractLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code accord explain <domain> <key> [field]}: how a record's fields got their values, from the store's
 * field history and change log. PII values are masked unless {@code --show-pii} is given.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Show how a record's fields got their values: every decision with old -> new value, source",
            "system and version, run and workflow, contract version and hash, schema version and time; then every",
            "write to every target, and the record's own id in each system that keeps its own ids. KEY is the canonical",
            "id, or with --system a system's own id. PII values are masked unless --show-pii is given."})
public final class ExplainCommand implements Callable<Integer> {

    @Mixin
    StoreConnection store;

    @Option(names = "--contract", paramLabel = "FILE", defaultValue = "${env:ACCORD_CONTRACT:-examples/customers.contract.yaml}",
            description = "The contract (for field definitions and PII flags; default $ACCORD_CONTRACT or the example).")
    Path contract;

    @Option(names = "--show-pii", description = "Show PII values unmasked (you are a steward of this domain).")
    boolean showPii;

    @Parameters(index = "0", paramLabel = "DOMAIN", description = "The domain, e.g. customer.")
    String domain;

    @Parameters(index = "1", paramLabel = "KEY", description = {"The record's canonical id, or with --system that system's own id",
        "for it (e.g. --system billing cus_123)."})
    String key;

    @Option(names = "--system", paramLabel = "SYSTEM", description = "KEY is this system's own id for the record (looked up in the cross-reference).")
    String system;

    @Parameters(index = "2", paramLabel = "FIELD", arity = "0..1", description = "Only this field.")
    String field;

    @Override
    public Integer call() {
        Explainer explainer = new Explainer(store.open(), new ContractLoader().load(contract));
        Explanation explanation = system == null ? explainer.explain(domain, key, field, showPii)
                : explainer.explainLocal(domain, system, key, field, showPii);
        System.out.println(domain + " " + explanation.key() + (explanation.deleted() ? " (deleted)" : "")
                + (explanation.masked() ? "   [PII masked; --show-pii to reveal]" : ""));
        if (!explanation.ids().isEmpty()) {
            System.out.println("ids in each system:");
            for (Explanation.SystemId id : explanation.ids()) {
                System.out.printf("  %-10s %-26s %s%n", id.system(), id.localId(), id.how() + (id.rule() == null ? "" : " by rule " + id.rule()));
            }
        }
        if (explanation.fields().isEmpty()) {
            System.out.println("  no history: Accord has never seen this record");
        }
        for (FieldEvent e : explanation.fields()) {
            System.out.printf("  %-14s %-19s %-26s -> %-26s from %s@%d  %s  run %s (%s)  contract v%s %s, schema v%d%n",
                    e.field(), e.decision(), shorten(e.oldValue()), shorten(e.newValue()), e.sourceSystem(), e.sourceVersion(),
                    e.at(), e.runId(), e.workflowId(), e.contractVersion(), shortHash(e.contractHash()), e.schemaVersion());
            if (e.reason() != null) {
                System.out.println("  " + " ".repeat(14) + " why: " + e.reason());
            }
        }
        if (!explanation.writes().isEmpty()) {
            System.out.println("writes to targets:");
        }
        for (TargetEvent w : explanation.writes()) {
            System.out.printf("  %-10s %-9s v%s -> v%s  %-17s run %s%n      before %s%n      after  %s%n", w.target(), w.operation(),
                    w.beforeVersion(), w.afterVersion(), w.status(), w.runId(), w.before(), w.after());
        }
        return 0;
    }

    private static String shorten(String value) {
        if (value == null) {
            return "(none)";
        }
        return value.length() <= 26 ? value : value.substring(0, 25) + "…";
    }

    private static String shortHash(String hash) {
        return hash == null || hash.length() < 19 ? String.valueOf(hash) : hash.substring(0, 19) + "…";
    }
}
