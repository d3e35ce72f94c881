package dev.accord.cli;

import dev.accord.worker.EmbeddedTemporal;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the Temporal Java test server on its own, as a development server that outlives workers: start it
 * once, then start, kill and restart workers against it with {@code TEMPORAL_ADDRESS}. Its state is in
 * memory; it is not a production server (see docs/deploy.md for docker compose).
 */
@Command(name = "temporal", mixinStandardHelpOptions = true,
        description = {"Run a local Temporal development server (the Java test server) until interrupted.",
            "It listens on 127.0.0.1 only: other machines cannot reach it. Workers connect with",
            "TEMPORAL_ADDRESS=127.0.0.1:<port>; workflow histories live in its memory."})
public final class TemporalServerCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "7233", description = "Port to listen on (default ${DEFAULT-VALUE}).")
    int port;

    @Override
    public Integer call() throws InterruptedException {
        try (EmbeddedTemporal server = new EmbeddedTemporal(port)) {
            System.out.println("Temporal development server listening on " + server.hostAndPort() + " only (Ctrl-C to stop)");
            Thread.currentThread().join();
        }
        return 0;
    }
}
