package dev.accord.cli.ops;

import dev.accord.cli.StoreConnection;
import dev.accord.core.contract.Contract;
import dev.accord.core.contract.ContractLoader;
import dev.accord.core.identity.CanonicalIds;
import dev.accord.store.AccordStore;
import dev.accord.store.GoldenRecords;
import dev.accord.store.IdentityLinks;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code accord identity link}: a steward's decision on a record the match rules could not link (AMBIGUOUS_MATCH): which
 * golden record a system's own id stands for, or that it is a record of its own. Replay its quarantine entry afterwards.
 */
@Command(name = "identity", mixinStandardHelpOptions = true,
        description = {"The cross-reference of systems that keep their own ids (docs/contract.md#identity-each-system-keeps-its-own-ids)."},
        subcommands = IdentityCommand.Link.class)
public final class IdentityCommand {

    /** {@code accord identity link --system S LOCAL_ID (--to CANONICAL_ID | --new)}. */
    @Command(name = "link", mixinStandardHelpOptions = true,
            description = {"Link a system's own id to a golden record (--to) or to a new one (--new), as a steward decides for a",
                "record quarantined as AMBIGUOUS_MATCH; then replay its entry (accord quarantine replay). A local id already",
                "linked, a golden record the system already holds another row for, or an unknown golden record is refused."})
    static final class Link implements Callable<Integer> {

        @Mixin
        StoreConnection store;

        @Option(names = "--contract", paramLabel = "FILE", defaultValue = "${env:ACCORD_CONTRACT:-examples/customers.contract.yaml}",
                description = "The contract (default $ACCORD_CONTRACT or the example).")
        Path contract;

        @Option(names = "--domain", paramLabel = "DOMAIN", defaultValue = "customer", description = "The domain (default customer).")
        String domain;

        @Option(names = "--system", paramLabel = "SYSTEM", required = true, description = "The system whose own id LOCAL_ID is.")
        String system;

        @Parameters(index = "0", paramLabel = "LOCAL_ID", description = "The system's own id for the record.")
        String localId;

        @ArgGroup(multiplicity = "1")
        Target target;

        static final class Target {
            @Option(names = "--to", paramLabel = "CANONICAL_ID", description = "The golden record it is.")
            String canonicalId;

            @Option(names = "--new", description = "It is a record of its own: Accord mints its canonical id.")
            boolean fresh;
        }

        @Override
        public Integer call() {
            Contract loaded = new ContractLoader().load(contract);
            if (!loaded.mapping(system, domain).ownsIds()) {
                throw new IllegalArgumentException(system + " stores Accord's ids for " + domain + " (its mapping names no own 'key'):"
                        + " there is nothing to link");
            }
            AccordStore accord = store.open();
            String canonical = target.fresh ? new CanonicalIds(accord.clock(), new SecureRandom()).mint() : target.canonicalId;
            String who = System.getProperty("user.name", "unknown");
            accord.inTransaction(c -> {
                Map<String, String> linked = accord.identityLinks().canonicalIds(c, domain, system, List.of(localId));
                if (linked.containsKey(localId)) {
                    throw new IllegalArgumentException(system + " id '" + localId + "' is already linked to " + linked.get(localId)
                            + "; a link is never moved by hand (merge the records instead)");
                }
                if (!target.fresh) {
                    GoldenRecords.Stored golden = accord.golden().load(c, domain, List.of(canonical)).get(canonical);
                    if (golden.revision() == 0 || golden.record().deleted()) {
                        throw new IllegalArgumentException("no " + domain + " golden record '" + canonical + "' (or it is deleted):"
                                + " check the id with accord explain, or use --new");
                    }
                    Map<String, String> held = accord.identityLinks().localIds(c, domain, system, List.of(canonical));
                    if (held.containsKey(canonical)) {
                        throw new IllegalArgumentException(system + " already holds golden record " + canonical + " as its id '"
                                + held.get(canonical) + "': two rows of one system for one record; merge them in " + system + " first");
                    }
                }
                accord.identityLinks().link(c, List.of(new IdentityLinks.Link(domain, system, localId, canonical,
                        IdentityLinks.STEWARD, null, null)), who);
                return null;
            });
            System.out.println(system + " " + domain + " '" + localId + "' -> " + canonical + (target.fresh ? " (a new golden record)" : "")
                    + "; now replay its quarantine entry: accord quarantine replay");
            return 0;
        }
    }
}
