package dev.accord.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code java -jar accord.jar …} process the harness started (the Temporal test server or a worker),
 * its output in a log file. {@link #close()} asks it to stop (SIGTERM) and kills it when it does not within
 * 30 s.
 */
final class JavaProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;

    private JavaProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static JavaProcess start(String name, Path jar, Path log, Map<String, String> environment, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-jar", jar.toAbsolutePath().toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(log.getParent().toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        try {
            return new JavaProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new BenchException("cannot start " + name + ": " + command, e);
        }
    }

    String name() {
        return name;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    /** CPU time the process used so far (user and system), in seconds; NaN when the system does not say. */
    double cpuSeconds() {
        return process.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    /** Waits until the log holds {@code text}; fails early when the process ends first. */
    void awaitOutput(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!output().contains(text)) {
            checkAlive("printing '" + text + "'");
            if (System.nanoTime() > deadline) {
                throw new BenchException(name + " did not print '" + text + "' within " + timeout + "; see " + log);
            }
            Thread.sleep(200);
        }
    }

    /** The first group of {@code pattern}'s first match in the output so far. */
    String firstMatch(Pattern pattern) {
        Matcher match = pattern.matcher(output());
        if (!match.find()) {
            throw new BenchException(name + " has not printed anything like '" + pattern + "'; see " + log);
        }
        return match.group(1);
    }

    /** Waits until something accepts connections on the local {@code port}. */
    void awaitPort(int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                checkAlive("listening on " + port);
                if (System.nanoTime() > deadline) {
                    throw new BenchException(name + " did not listen on " + port + " within " + timeout + "; see " + log);
                }
                Thread.sleep(200);
            }
        }
    }

    /** Fails when the process has ended; {@code doing} says what it should have been doing. */
    void checkAlive(String doing) {
        if (!process.isAlive()) {
            throw new BenchException(name + " ended (exit " + process.exitValue() + ") before " + doing + "; see " + log);
        }
    }

    private String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new BenchException("no free local port", e);
        }
    }

    /** Asks the process to stop (SIGTERM) without waiting; {@link #close()} waits. */
    void requestStop() {
        process.destroy();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
