package dev.accord.cli.ops;

import dev.accord.store.AccordStore;
import dev.accord.cli.OutputFormat;
import dev.accord.cli.StoreConnection;
import dev.accord.core.contract.Contract;
import dev.accord.core.contract.ContractLoader;
import dev.accord.core.contract.FlowSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code accord sla status}: every flow with a freshness SLA, how fresh it is now, and its recent breaches. */
@Command(name = "sla", mixinStandardHelpOptions = true, description = "Freshness SLAs: how fresh each flow is, and its breaches.",
        subcommands = {SlaCommand.Status.class})
public final class SlaCommand implements Runnable {

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = {
        "Flows with a freshness-sla: the SLA, the age of the newest source change each applied (freshness, from the",
        "store now), what the last freshness check found (behind its source, breached) and the breaches since --since.",
        "With -o json: an array with one object per flow (docs/cli.md); empty when no flow has an SLA."})
    static final class Status implements Callable<Integer> {

        @Mixin
        StoreConnection store;

        @Option(names = "--contract", paramLabel = "FILE", defaultValue = "${env:ACCORD_CONTRACT:-examples/customers.contract.yaml}",
                description = "The contract whose flows to list (default $ACCORD_CONTRACT or the example).")
        Path contract;

        @Option(names = "--since", defaultValue = "24h", description = "Count breaches in this window (default ${DEFAULT-VALUE}): 30m, 24h, 7d.")
        String since;

        @Mixin
        OutputFormat output;

        Clock clock = Clock.systemUTC();

        @Override
        public Integer call() {
            Contract loaded = new ContractLoader().load(contract);
            List<FlowSpec> flows = loaded.flows().values().stream().filter(f -> f.freshnessSla() != null).toList();
            Instant now = clock.instant();
            Instant from = now.minus(window(since));
            AccordStore accord = flows.isEmpty() ? null : store.open();
            List<FlowFreshness> rows = flows.stream().map(flow -> FlowFreshness.read(accord, flow, now, from)).toList();
            if (output.json()) {
                output.print(rows);
            } else if (rows.isEmpty()) {
                System.out.println("no flow of " + loaded.name() + " has a freshness-sla");
            } else {
                print(rows);
            }
            return 0;
        }

        private static void print(List<FlowFreshness> rows) {
            System.out.printf("%-22s %8s %10s  %-7s %-8s %-22s %9s  %s%n", "flow", "sla", "freshness", "behind", "breached",
                    "last check", "breaches", "catch-up");
            for (FlowFreshness row : rows) {
                System.out.printf("%-22s %8s %10s  %-7s %-8s %-22s %9d  %s%n", row.flow(), human(Duration.ofSeconds(row.slaSeconds())),
                        row.freshnessSeconds() == null ? "never" : human(Duration.ofSeconds(row.freshnessSeconds())),
                        row.behind() == null ? "-" : row.behind() ? "yes" : "no",
                        row.breached() == null ? "-" : row.breached() ? "YES" : "no",
                        row.lastCheckAt() == null ? "never" : row.lastCheckAt().substring(0, 19) + "Z", row.breaches(),
                        row.catchUpWorkflowId() == null ? "-" : row.catchUpWorkflowId() + " at " + row.catchUpAt());
            }
        }

        private static Duration window(String text) {
            String unit = text.substring(text.length() - 1);
            long amount;
            try {
                amount = Long.parseLong(text.substring(0, text.length() - 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--since " + text + ": use a number and m, h or d, e.g. 24h");
            }
            return switch (unit) {
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> throw new IllegalArgumentException("--since " + text + ": use a number and m, h or d, e.g. 24h");
            };
        }

        /** 45s, 12m05s, 3h02m, 4d03h. */
        static String human(Duration duration) {
            long s = Math.max(0, duration.toSeconds());
            if (s < 60) {
                return s + "s";
            }
            if (s < 3_600) {
                return String.format("%dm%02ds", s / 60, s % 60);
            }
            if (s < 86_400) {
                return String.format("%dh%02dm", s / 3_600, s % 3_600 / 60);
            }
            return String.format("%dd%02dh", s / 86_400, s % 86_400 / 3_600);
        }
    }
}
