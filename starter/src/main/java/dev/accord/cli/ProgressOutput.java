package dev.accord.cli;

import java.io.Console;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Where a followed run's progress goes. On a terminal, one line redrawn in place ({@link LiveLine}); otherwise — piped
 * into a file, a log or another program — plain lines, at most one per interval ({@link PlainLines}), so the output
 * holds no carriage returns and does not grow by a line a second.
 */
public sealed interface ProgressOutput permits ProgressOutput.LiveLine, ProgressOutput.PlainLines {

    /** How often a plain line is written when standard output is not a terminal. */
    Duration PLAIN_INTERVAL = Duration.ofSeconds(10);

    /** The current state of the run, as one line without a line break. */
    void show(String line);

    /** The run ended: whatever follows starts on a line of its own. */
    void done();

    /** A live line when this process's standard output is a terminal, plain lines otherwise. */
    static ProgressOutput forStandardOutput(PrintStream out, Clock clock) {
        return onTerminal() ? new LiveLine(out) : new PlainLines(out, clock, PLAIN_INTERVAL);
    }

    /**
     * Whether standard input and output are a terminal. Up to Java 21 there is a {@link Console} only then; from Java 22
     * there may be one anyway, and its {@code isTerminal()} (not in Java 17's API, hence looked up) tells.
     */
    private static boolean onTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException java17to21) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    /** One line, rewritten with a carriage return. */
    final class LiveLine implements ProgressOutput {
        private final PrintStream out;
        private boolean shown;

        public LiveLine(PrintStream out) {
            this.out = out;
        }

        @Override
        public void show(String line) {
            out.print("\r" + line);
            out.flush();
            shown = true;
        }

        @Override
        public void done() {
            if (shown) {
                out.println();
            }
        }
    }

    /** A line when the progress changed and the interval has passed since the last one. */
    final class PlainLines implements ProgressOutput {
        private final PrintStream out;
        private final Clock clock;
        private final Duration interval;
        private String last;
        private Instant lastAt;

        public PlainLines(PrintStream out, Clock clock, Duration interval) {
            this.out = out;
            this.clock = clock;
            this.interval = interval;
        }

        @Override
        public void show(String line) {
            String trimmed = line.strip();
            Instant now = clock.instant();
            if (trimmed.equals(last) || lastAt != null && now.isBefore(lastAt.plus(interval))) {
                return;
            }
            out.println(trimmed);
            last = trimmed;
            lastAt = now;
        }

        @Override
        public void done() {
            out.flush();
        }
    }
}
