package dev.accord.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import picocli.CommandLine;

/**
 * One in-process run of the {@code accord} command line: exit code, what it printed on standard output (commands
 * print on {@code System.out}) and on standard error (picocli's), and how long it took.
 */
public record Cli(int exitCode, String out, String err, Duration took) {

    public static synchronized Cli run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        long started = System.nanoTime();
        int code;
        try {
            CommandLine cli = AccordCli.commandLine();
            cli.setErr(new PrintWriter(err, true));
            code = cli.execute(args);
        } finally {
            System.setOut(original);
        }
        return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(), Duration.ofNanos(System.nanoTime() - started));
    }
}
