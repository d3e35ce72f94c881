package dev.accord.cli.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One {@code java -jar accord.jar …} process of the crash test, its output (stdout and stderr) in a log
 * file for diagnosis. {@link #kill()} is SIGKILL on Linux ({@link Process#destroyForcibly()}) and returns
 * only once the operating system no longer knows the process.
 */
final class AccordProcess {

    private final String name;
    private final Process process;
    private final Path log;
    private final long startedAt = System.nanoTime();

    private AccordProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static AccordProcess start(String name, Path jar, Path workDir, Path log, Map<String, String> environment, List<String> jvmOptions,
                               String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        try {
            return new AccordProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    /** CPU time the process used so far (user and system), -1 when the system does not say. */
    double cpuSeconds() {
        return process.toHandle().info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(-1.0);
    }

    double uptimeSeconds() {
        return (System.nanoTime() - startedAt) / 1e9;
    }

    /** Waits for the process to end by itself; its exit code, or null when it still runs after the timeout. */
    Integer awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    /** Waits until the log holds {@code text}; fails early when the process ends first. */
    void awaitOutput(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (output().contains(text)) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError(name + " ended (exit " + process.exitValue() + ") before printing '" + text + "'; see " + log);
            }
            Thread.sleep(100);
        }
        throw new AssertionError(name + " did not print '" + text + "' within " + timeout + "; see " + log);
    }

    /** Waits until something accepts connections on the local {@code port}. */
    void awaitPort(int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new AssertionError(name + " ended (exit " + process.exitValue() + ") before listening on " + port + "; see " + log);
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError(name + " did not listen on " + port + " within " + timeout + "; see " + log);
    }

    String output() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** SIGKILL; returns once the process is gone (no shutdown hook, no graceful anything). */
    void kill() throws InterruptedException {
        ProcessHandle handle = process.toHandle();
        List<ProcessHandle> children = handle.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError(name + " (pid " + pid() + ") survived SIGKILL for 30 s");
        }
        if (process.exitValue() != 128 + 9) {
            throw new AssertionError(name + " (pid " + pid() + ") ended with exit " + process.exitValue() + ", not by SIGKILL (137)");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ProcessHandle.of(pid()).map(ProcessHandle::isAlive).orElse(false)
                || children.stream().anyMatch(ProcessHandle::isAlive)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " (pid " + pid() + ") is still known to the system after SIGKILL");
            }
            Thread.sleep(50);
        }
    }

    /** For cleanup: kill if still running, never throw. */
    void killQuietly() {
        try {
            if (process.isAlive()) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | AssertionError e) {
            process.destroyForcibly();
        }
    }
}
