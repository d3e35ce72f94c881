package dev.accord.cli.contract;

import dev.accord.core.contract.Contract;
import dev.accord.core.contract.ContractException;
import dev.accord.core.contract.ContractLoader;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Loads the contracts a {@code contract} command is given; anything unreadable becomes {@link Unreadable} (exit code 2). */
final class ContractInput {

    private ContractInput() {}

    static Contract load(Path file, String role) {
        try {
            return new ContractLoader().load(file);
        } catch (ContractException e) {
            throw new Unreadable("cannot read the " + role + " " + file + ":" + System.lineSeparator() + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new Unreadable("cannot read the " + role + " " + file + ": " + e.getCause().getMessage());
        } catch (RuntimeException e) {
            // The loader reports every malformed contract as a ContractException; anything else is a bug in
            // Accord, and still not a breaking change (exit 1), so it is unreadable input too.
            throw new Unreadable("cannot read the " + role + " " + file + ": the loader failed (" + e
                    + "); please report this with the contract");
        }
    }

    /** Input that could not be read: a missing or broken contract or schema, an unreachable registry. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message);
        }
    }
}
