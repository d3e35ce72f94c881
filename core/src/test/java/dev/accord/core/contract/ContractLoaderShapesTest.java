package dev.accord.core.contract;

import static dev.accord.core.TestContracts.exampleText;
import static dev.accord.core.TestContracts.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Every value of the example contract, and of two variants that use the keys the example leaves out (http and
 * file mappings, an outbox, references, …), one at a time given the wrong shape: each plain value becomes a list
 * and a mapping, each list a mapping, each mapping a plain value. Every one of them must be a located problem at
 * that value's line and key path, never an exception of another kind.
 */
class ContractLoaderShapesTest {

    private static final String SUPPORT_CONNECTION = """
                kind: postgres
                description: The support desk's contact list; may correct phone numbers.
                connection:
                  url-env: SUPPORT_JDBC_URL
                  user-env: SUPPORT_DB_USER
                  password-env: SUPPORT_DB_PASSWORD
            """;
    private static final String SUPPORT_STORAGE = """
                    table: support_contacts
                    cursor: changed_at
                    version-column: row_version
                    delete: hard
            """;
    private static final String HTTP_CONNECTION = """
                kind: http
                connection:
                  base-url-env: SUPPORT_API_URL
                  timeout: 10s
            """;
    private static final String HTTP_STORAGE = """
                    endpoint: /api/contacts
                    cursor: changed_at
                    version-column: row_version
                    delete: soft
                    soft-delete-column: deleted_at
                    schema-version: 2
                    http:
                      records: data
                      since: updated_since
                      paging:
                        style: cursor
                        size-param: per_page
                        size: 50
                        next-cursor: meta.next
                      by-keys:
                        param: ids
                        max: 20
                      item: /api/contacts/{key}
                      etag-field: etag
                      create: post
                      concurrency: version-field
            """;
    private static final String FILE_CONNECTION = """
                kind: file
                connection:
                  directory: exports
            """;
    private static final String FILE_STORAGE = """
                    path: contacts.csv
                    version-column: row_version
                    file:
                      format: csv
                      encoding: ISO-8859-1
                      delimiter: ";"
                      pattern: contacts-*.csv
            """;
    private static final String CRM_CURSOR = "        cursor: updated_at           # read incrementally, tie-broken by the key\n";
    private static final String CRM_OUTBOX = """
                    outbox:
                      table: crm_outbox
                      sequence: seq
                      key-column: customer_id
                      operation-column: op
            """;
    private static final String PAYMENT_STATUS = "        description: Whether invoices are paid.\n";
    private static final String REVIEW = "          deadline: 24h ";

    static Stream<String> documents() {
        String text = exampleText();
        String http = edit(text, SUPPORT_CONNECTION, HTTP_CONNECTION, SUPPORT_STORAGE, HTTP_STORAGE, CRM_CURSOR, CRM_OUTBOX,
                PAYMENT_STATUS, PAYMENT_STATUS + "        references: customer\n        on-missing-reference: quarantine\n",
                REVIEW, "          when-rises-by-more-than: 300%\n" + REVIEW);
        String file = edit(text, SUPPORT_CONNECTION, FILE_CONNECTION, SUPPORT_STORAGE, FILE_STORAGE);
        return Stream.of(text, http, file);
    }

    /** {@code text} with each snippet replaced by the one after it; every snippet must be there. */
    private static String edit(String text, String... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            assertThat(text).contains(pairs[i]);
            text = text.replace(pairs[i], pairs[i + 1]);
        }
        return text;
    }

    @ParameterizedTest
    @MethodSource("documents")
    void theDocumentsMutatedHereLoad(String text) {
        assertThat(load(text).systems()).containsOnlyKeys("crm", "billing", "support");
    }

    /** Not a name, column, system or number anywhere in a contract, so it cannot be accepted by chance. */
    private static final String SCALAR = "\"?!\"";

    record Mutation(String path, int line, String shape, String text) {
        @Override
        public String toString() {
            return path + " (line " + line + ") as a " + shape;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongShapes")
    void aValueOfTheWrongShapeIsALocatedProblem(Mutation mutation) {
        assertThatThrownBy(() -> load(mutation.text())).isInstanceOfSatisfying(ContractException.class, e ->
                assertThat(e.problems()).as(e.getMessage()).anySatisfy(p -> {
                    assertThat(p.line()).isEqualTo(mutation.line());
                    assertThat(p.column()).isPositive();
                    assertThat(p.path()).startsWith(mutation.path());
                }));
    }

    static Stream<Mutation> wrongShapes() {
        List<Mutation> mutations = new ArrayList<>();
        documents().forEach(text -> collect(new Yaml(new LoaderOptions()).compose(new StringReader(text)), null, "", text, mutations));
        Set<String> seen = new HashSet<>();
        return mutations.stream().filter(m -> seen.add(m.path() + " " + m.shape()));
    }

    private static void collect(Node node, Node key, String path, String text, List<Mutation> out) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                String name = ((ScalarNode) tuple.getKeyNode()).getValue();
                collect(tuple.getValueNode(), tuple.getKeyNode(), path.isEmpty() ? name : path + "." + name, text, out);
            }
        } else if (node instanceof SequenceNode sequence) {
            for (int i = 0; i < sequence.getValue().size(); i++) {
                collect(sequence.getValue().get(i), null, path + "[" + i + "]", text, out);
            }
        }
        if (path.isEmpty()) {
            return;
        }
        int line = node.getStartMark().getLine() + 1;
        if (node instanceof ScalarNode) {
            out.add(new Mutation(path, line, "list", replace(text, node, "[a, b]")));
            out.add(new Mutation(path, line, "mapping", replace(text, node, "{a: b}")));
        } else if (node instanceof SequenceNode && isFlow(node)) {
            out.add(new Mutation(path, line, "mapping", replace(text, node, "{a: b}")));
        } else if (isFlow(node) || key == null) {
            out.add(new Mutation(path, line, "scalar", replace(text, node, SCALAR)));
        } else {
            int keyLine = key.getStartMark().getLine() + 1;
            int from = key.getEndMark().getIndex();
            int to = text.indexOf('\n', lastLeaf(node).getEndMark().getIndex());
            out.add(new Mutation(path, keyLine, "scalar", text.substring(0, from) + ": " + SCALAR + text.substring(to)));
        }
    }

    private static boolean isFlow(Node node) {
        return node instanceof MappingNode m && m.getFlowStyle() == FlowStyle.FLOW
                || node instanceof SequenceNode s && s.getFlowStyle() == FlowStyle.FLOW;
    }

    /** The node a block collection ends with, whose end is on the collection's last line. */
    private static Node lastLeaf(Node node) {
        if (node instanceof MappingNode m && !isFlow(m)) {
            return lastLeaf(m.getValue().get(m.getValue().size() - 1).getValueNode());
        }
        if (node instanceof SequenceNode s && !isFlow(s)) {
            return lastLeaf(s.getValue().get(s.getValue().size() - 1));
        }
        return node;
    }

    private static String replace(String text, Node node, String replacement) {
        return text.substring(0, node.getStartMark().getIndex()) + replacement + text.substring(node.getEndMark().getIndex());
    }
}
