package dev.accord.cli.contract;

import dev.accord.core.contract.Contract;
import dev.accord.core.dictionary.HtmlDictionary;
import dev.accord.core.dictionary.MarkdownDictionary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code accord contract docs}: the data dictionary, as Markdown and a static HTML page. */
@Command(name = "docs", mixinStandardHelpOptions = true,
        description = {"Generate the data dictionary of a contract: per domain and field the definition, type, unit, constraints,",
            "owner, merge strategy, steward, PII flag, lifecycle and which systems read it.",
            "Writes data-dictionary.md and data-dictionary.html into --out. Exit codes: 0 written, 2 unreadable input."})
public final class ContractDocsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CONTRACT", description = "The contract file.")
    Path contract;

    @Option(names = "--out", defaultValue = ".", paramLabel = "DIR", description = "Where to write the pages (default: the current folder).")
    Path out;

    @Option(names = "--stdout", description = "Print the Markdown instead of writing files.")
    boolean stdout;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Contract loaded;
        try {
            loaded = ContractInput.load(contract, "contract");
        } catch (ContractInput.Unreadable e) {
            spec.commandLine().getErr().println("accord: " + e.getMessage());
            return ContractCommand.UNREADABLE;
        }
        if (stdout) {
            spec.commandLine().getOut().print(MarkdownDictionary.render(loaded));
            spec.commandLine().getOut().flush();
            return ContractCommand.OK;
        }
        Files.createDirectories(out);
        Path markdown = out.resolve("data-dictionary.md");
        Path html = out.resolve("data-dictionary.html");
        Files.writeString(markdown, MarkdownDictionary.render(loaded));
        Files.writeString(html, HtmlDictionary.render(loaded));
        spec.commandLine().getOut().println("wrote " + markdown + " and " + html);
        return ContractCommand.OK;
    }
}
