package dev.accord.cli.quarantine;

import dev.accord.store.AccordStore;
import dev.accord.store.QuarantineLog;
import dev.accord.cli.StoreConnection;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code accord quarantine discard <id…> --reason "…"}: gives open entries up, recording who and why. */
@Command(name = "discard", mixinStandardHelpOptions = true,
        description = {"Give open entries up, with a reason.",
            "The record will not be replayed (test data, a record gone from the source",
            "for good, a duplicate). The entry stays in the store as discarded, with who",
            "and why; if the same change is quarantined again, that is counted and the",
            "entry stays discarded."})
final class QuarantineDiscardCommand implements Callable<Integer> {

    @Mixin
    StoreConnection store;

    @Parameters(paramLabel = "ID", arity = "1..*", description = "Entry ids (see `accord quarantine list`).")
    List<Long> ids;

    @Option(names = "--reason", required = true, description = "Why the records are given up (recorded with each entry).")
    String reason;

    @Option(names = "--by", defaultValue = "${sys:user.name}", description = "Who discards (default: your user name).")
    String by;

    @Override
    public Integer call() {
        if (reason.isBlank()) {
            throw new IllegalArgumentException("--reason must say why the records are given up");
        }
        AccordStore accord = store.open();
        int discarded = accord.inTransaction(c -> accord.quarantineActions().discard(c, ids, by, reason));
        System.out.println("discarded " + discarded + " of " + ids.size() + " entries");
        List<QuarantineLog.Stored> after = accord.inTransaction(c -> accord.quarantine().find(c, ids));
        after.stream().filter(s -> !QuarantineLog.DISCARDED.equals(s.state()) || !by.equals(s.actedBy()))
                .forEach(s -> System.out.println("  " + s.id() + " left as it was: " + s.state()));
        if (after.size() < ids.size()) {
            System.out.println("  unknown ids were ignored; see `accord quarantine list --state all`");
        }
        return discarded == ids.size() ? 0 : 1;
    }
}
