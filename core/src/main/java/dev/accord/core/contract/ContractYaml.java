package dev.accord.core.contract;

import java.io.StringReader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Composes a contract's YAML into nodes under SnakeYAML's own limits, so that a hostile or runaway document
 * (an alias bomb, thousands of nested brackets, a file that is not a contract at all) stops early, while it is
 * read, and never reaches the readers. Every YAML error becomes one {@link ContractProblem} at its line and
 * column: SnakeYAML's limit errors carry no position, so they are placed at the last event the parser produced
 * (the length limit, where the text crosses it), under the key path {@link TrackingParser} kept.
 *
 * <p>Duplicate keys are not left to {@code LoaderOptions.setAllowDuplicateKeys}: SnakeYAML checks that option
 * when it constructs Java objects, not when it composes nodes; {@link YamlNode#entries} reports them instead.
 */
final class ContractYaml {

    /** Aliases ({@code *name}) of mappings or lists per document; each copies what it names, so they multiply. */
    static final int MAX_COLLECTION_ALIASES = 10;
    /** Nested mappings and lists; a contract needs 8 (the root down to systems.s.domains.d.reads.f.values). */
    static final int MAX_NESTING_DEPTH = 20;
    /** Characters (code points) per contract file, about 12,000 lines; the example contract has about 6,200. */
    static final int MAX_CODE_POINTS = 512 * 1024;

    private ContractYaml() {}

    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING_DEPTH);
        options.setCodePointLimit(MAX_CODE_POINTS);
        return options;
    }

    /** The document's root node, or null for an empty document; a problem (and null) when it cannot be read. */
    static Node compose(String text, Problems problems) {
        LoaderOptions options = options();
        StreamReader reader = new StreamReader(new StringReader(text));
        TrackingParser parser = new TrackingParser(new ParserImpl(reader, options));
        try {
            return new Composer(parser, new Resolver(), options).getSingleNode();
        } catch (TrackingParser.RecursiveAlias e) {
            add(problems, e.mark, parser.path(), "alias *" + e.anchor + " refers to the mapping or list it is part of",
                    "a contract cannot contain itself; write the part out instead of the alias");
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String context = e.getContext() == null ? "" : e.getContext() + ": ";
            add(problems, mark, parser.path(), "not valid YAML: " + context + e.getProblem(), "check indentation and quoting around this position");
        } catch (ReaderException e) {
            int[] at = lineAndColumn(text, e.getPosition());
            problems.add(at[0], at[1], "", String.format("character U+%04X is not allowed in YAML", e.getCodePoint()),
                    "remove it; control characters other than tab and line breaks cannot appear in a contract");
        } catch (YAMLException e) {
            limitExceeded(e, text, reader, parser, problems);
        }
        return null;
    }

    private static void limitExceeded(YAMLException e, String text, StreamReader reader, TrackingParser parser, Problems problems) {
        if (reader.getDocumentIndex() > MAX_CODE_POINTS) {
            int[] at = lineAndColumn(text, MAX_CODE_POINTS);
            problems.add(at[0], at[1], "", "the contract is longer than " + MAX_CODE_POINTS + " characters; this is where it crosses that limit",
                    "check that this is the contract file; no contract needs to be this large");
        } else if (parser.lastWasAlias()) {
            add(problems, parser.lastMark(), parser.path(), "more than " + MAX_COLLECTION_ALIASES + " aliases of mappings or lists",
                    "each alias copies what it names, so aliases multiply (a 'billion laughs' document); write the parts out or alias plain values");
        } else if (parser.depth() >= MAX_NESTING_DEPTH) {
            add(problems, parser.lastMark(), parser.path(), "mappings and lists nested deeper than " + MAX_NESTING_DEPTH + " levels",
                    "a contract needs at most 8 levels; look for an unclosed [ or { or runaway indentation");
        } else {
            add(problems, parser.lastMark(), parser.path(), "not valid YAML: " + e.getMessage(), "check the YAML around this position");
        }
    }

    private static void add(Problems problems, Mark mark, String path, String message, String hint) {
        problems.add(mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1, path, message, hint);
    }

    /** The 1-based line and column of the {@code index}th code point of {@code text}. */
    static int[] lineAndColumn(String text, int index) {
        int line = 1;
        int column = 1;
        int offset = 0;
        for (int i = 0; i < index && offset < text.length(); i++) {
            int codePoint = text.codePointAt(offset);
            offset += Character.charCount(codePoint);
            line += codePoint == '\n' ? 1 : 0;
            column = codePoint == '\n' ? 1 : column + 1;
        }
        return new int[] {line, column};
    }
}
