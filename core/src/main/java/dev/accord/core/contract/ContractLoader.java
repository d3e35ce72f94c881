package dev.accord.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads and checks a sync contract. Every problem found is reported at once, each naming the file,
 * line and column, the key path, what was expected and a hint; the contract is returned only when
 * there are none.
 */
public final class ContractLoader {

    private static final Set<String> TOP_KEYS = Set.of("accord", "name", "version", "description", "format-characters",
            "systems", "domains", "flows");

    /** Reads a contract file; schema files are resolved relative to its folder. */
    public Contract load(Path file) {
        byte[] bytes;
        try {
            if (Files.size(file) > 4L * ContractYaml.MAX_CODE_POINTS) {
                throw single(file.toString(), "the file is " + Files.size(file) + " bytes; a contract is at most "
                        + ContractYaml.MAX_CODE_POINTS + " characters", "check that this is the contract file");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw single(file.toString(), "contract file not found", "check the path; it is resolved against " + Path.of("").toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read contract " + file, e);
        }
        String text = decodeUtf8(bytes, file.toString());
        Path folder = file.toAbsolutePath().getParent();
        return load(text, file.toString(), folder);
    }

    /** Reads a contract from text; {@code fileName} is used in messages, schemas resolve against {@code folder}. */
    public Contract load(String text, String fileName, Path folder) {
        Problems problems = new Problems(fileName);
        Node root = ContractYaml.compose(text, problems);
        problems.throwIfAny();
        YamlNode top = new YamlNode(root, "", problems);
        if (root == null || top.isNull()) {
            throw single(fileName, "the contract is empty", "start from examples/customers.contract.yaml");
        }
        if (!(root instanceof MappingNode)) {
            top.problem("the contract must be a mapping of keys (name, version, systems, domains, flows), found " + top.shape(),
                    "start from examples/customers.contract.yaml");
            problems.throwIfAny();
        }
        Map<String, YamlNode> entries = top.fields("a contract", TOP_KEYS);
        checkFormat(entries.get("accord"));
        String name = DomainsReader.required(top, entries, "name", "the contract's name");
        String version = DomainsReader.required(top, entries, "version", "the contract's version, bumped on every change");
        YamlNode systemsNode = section(top, entries, "systems");
        YamlNode domainsNode = section(top, entries, "domains");
        YamlNode flowsNode = entries.get("flows");
        FormatCharacters formatCharacters = entries.containsKey("format-characters")
                ? BoundaryRulesReader.formatCharacters(entries.get("format-characters")) : null;
        problems.throwIfAny();

        Set<String> systemNames = systemsNode.entries("the systems").keySet();
        Map<String, DomainSpec> domains = new DomainsReader(problems, new SchemaFiles(folder), systemNames, formatCharacters).read(domainsNode);
        Map<String, SystemSpec> systems = new SystemsReader(domains).read(systemsNode);
        OwnershipChecks.check(domainsNode, domains, systems);
        IdentityChecks.check(systemsNode, domains, systems);
        Map<String, FlowSpec> flows = flowsNode == null ? Map.of() : new FlowsReader(domains, systems).read(flowsNode);
        problems.throwIfAny();

        String description = entries.containsKey("description") ? entries.get("description").text("text") : null;
        checkReferences(domainsNode, domains);
        problems.throwIfAny();
        return new Contract(name, version, description, systems, domains, flows, hash(root, domains), fileName);
    }

    private static void checkFormat(YamlNode node) {
        String format = node == null ? null : node.text("the contract format version");
        if (format != null && !"1".equals(format)) {
            node.problem("unsupported contract format '" + format + "'", "this Accord reads format accord: 1");
        }
    }

    private static YamlNode section(YamlNode top, Map<String, YamlNode> entries, String key) {
        YamlNode node = entries.get(key);
        if (node == null) {
            top.problem("missing section '" + key + "'", "see docs/contract.md for its shape");
        }
        return node;
    }

    /** A field that references another domain's key must name a domain the contract declares. */
    private static void checkReferences(YamlNode domainsNode, Map<String, DomainSpec> domains) {
        domainsNode.entries("the domains").forEach((domainName, domainNode) -> {
            YamlNode fields = domainNode.entries("a domain").get("fields");
            if (fields == null) {
                return;
            }
            fields.entries("the fields").forEach((field, fieldNode) -> {
                YamlNode references = fieldNode.entries("a field").get("references");
                String target = references == null || references.isNull() ? null : references.text("a domain");
                if (target != null && !domains.containsKey(target)) {
                    references.problem("unknown domain '" + target + "'", Suggestions.hint(target, domains.keySet()));
                }
            });
        });
    }

    /** Hashes the document as written, scalars as their text: 1.10 and 1.1 differ, formatting and key order do not. */
    private static String hash(Node root, Map<String, DomainSpec> domains) {
        Object document = YamlText.of(root);
        Map<String, JsonNode> schemas = new TreeMap<>();
        domains.values().stream().filter(d -> d.schema() != null)
                .forEach(d -> schemas.put(d.schema().file(), d.schema().schema()));
        return ContractHash.of(document, schemas);
    }

    /** The text of a UTF-8 file; a problem at the line and column of the first byte that is not UTF-8. */
    private static String decodeUtf8(byte[] bytes, String file) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(in, out, true);
        String text = out.flip().toString();
        if (result.isError()) {
            int[] at = ContractYaml.lineAndColumn(text, text.codePointCount(0, text.length()));
            String bad = String.format("0x%02X", bytes[in.position()] & 0xFF);
            throw new ContractException(List.of(new ContractProblem(file, at[0], at[1], "",
                    "the file is not valid UTF-8 (byte " + bad + ")", "save it as UTF-8; contracts are read in no other encoding")));
        }
        return text;
    }

    private static ContractException single(String file, String message, String hint) {
        return new ContractException(List.of(new ContractProblem(file, 0, 0, "", message, hint)));
    }
}
