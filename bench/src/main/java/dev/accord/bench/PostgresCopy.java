package dev.accord.bench;

import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.sql.Connection;
import java.util.concurrent.CompletableFuture;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The floor of what PostgreSQL can do: {@code COPY (mapping query) TO STDOUT} from the source piped
 * straight into {@code COPY … FROM STDIN} of the target, the mapping done in SQL. Inserts only (the target is
 * empty); one transaction.
 */
final class PostgresCopy implements Baseline {

    private static final int PIPE_BYTES = 1 << 20;

    @Override
    public String name() {
        return "PostgreSQL COPY";
    }

    @Override
    public String table() {
        return BenchDatabases.COPY_TARGET;
    }

    @Override
    public long run(BenchDatabases databases) throws Exception {
        try (Connection from = databases.postgres.connect(); Connection to = databases.postgres.connect();
             PipedInputStream in = new PipedInputStream(PIPE_BYTES); PipedOutputStream out = new PipedOutputStream(in)) {
            CopyManager source = from.unwrap(PGConnection.class).getCopyAPI();
            CopyManager target = to.unwrap(PGConnection.class).getCopyAPI();
            CompletableFuture<Long> copiedOut = CompletableFuture.supplyAsync(() -> {
                try (out) {
                    return source.copyOut("copy (" + AccountMapping.COPY_SOURCE + ") to stdout", out);
                } catch (Exception e) {
                    throw new BenchException("COPY out of the source failed", e);
                }
            });
            long copiedIn = target.copyIn("copy " + table() + " (account_ref, display_name, contact_email, state_code, credit_cents,"
                    + " joined, notes, row_version) from stdin", in);
            copiedOut.join();
            return copiedIn;
        }
    }
}
