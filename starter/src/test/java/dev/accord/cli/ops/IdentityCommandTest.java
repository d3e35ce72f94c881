package dev.accord.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.cli.Cli;
import dev.accord.store.AccordStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code accord identity link} and {@code accord explain --system}: a steward's link, and the refusals that keep links sound. */
class IdentityCommandTest {

    private static final String GOLDEN = "0192f0c4-8f5e-7a31-9c1e-2b7e3f1a9d20";

    private final String url = "jdbc:h2:mem:identity" + UUID.randomUUID().toString().substring(0, 8) + ";DB_CLOSE_DELAY=-1";
    private static final Path IDENTITY = Path.of("..", "engine", "src", "test", "resources", "identity");
    private String contract;
    private AccordStore store;

    @BeforeEach
    void oneGoldenRecord(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
        Files.writeString(dir.resolve("person.schema.json"), Files.readString(IDENTITY.resolve("person.schema.json")));
        contract = Files.writeString(dir.resolve("identity.contract.yaml"),
                Files.readString(IDENTITY.resolve("identity.contract.yaml")).replace("@KIND@", "h2")).toString();
        JdbcDataSource source = new JdbcDataSource();
        source.setURL(url);
        source.setUser("sa");
        store = AccordStore.open(source, url);
        store.inTransaction(c -> {
            try (Statement statement = c.createStatement()) {
                statement.execute("insert into golden_record (domain_name, record_key, fields_json, deleted, revision, updated_at)"
                        + " values ('person', '" + GOLDEN + "', '{}', false, 1, current_timestamp)");
            }
            return null;
        });
    }

    @Test
    void aStewardLinksALocalIdToAGoldenRecordAndExplainFindsItByThatId() {
        Cli linked = link("B-1", "--to", GOLDEN);

        assertThat(linked.exitCode()).as(linked.err()).isZero();
        assertThat(linked.out()).contains("billing person 'B-1' -> " + GOLDEN);
        assertThat(links()).containsExactly("billing B-1 " + GOLDEN + " steward");
        Cli explained = Cli.run("explain", "person", "B-1", "--system", "billing", "--store", url, "--contract", contract);
        assertThat(explained.exitCode()).as(explained.err()).isZero();
        assertThat(explained.out()).startsWith("person " + GOLDEN).contains("ids in each system:").containsPattern("billing\\s+B-1\\s+steward");
    }

    @Test
    void aLinkIsNeverMovedNorMadeToAMissingRecordNorASecondRowOfOneSystem() {
        assertThat(link("B-1", "--to", GOLDEN).exitCode()).isZero();

        Cli again = link("B-1", "--to", GOLDEN);
        Cli missing = link("B-2", "--to", "no-such-record");
        Cli secondRow = link("B-3", "--to", GOLDEN);

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("'B-1' is already linked to " + GOLDEN);
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("no person golden record 'no-such-record'");
        assertThat(secondRow.exitCode()).isEqualTo(1);
        assertThat(secondRow.err()).contains("billing already holds golden record " + GOLDEN + " as its id 'B-1'");
        assertThat(links()).hasSize(1);
    }

    @Test
    void newMintsACanonicalIdForARecordOfItsOwn() {
        Cli fresh = link("B-9", "--new");

        assertThat(fresh.exitCode()).as(fresh.err()).isZero();
        assertThat(links()).singleElement().asString().matches("billing B-9 [0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12} steward");
    }

    @Test
    void explainByAnUnlinkedLocalIdSaysSo() {
        Cli explained = Cli.run("explain", "person", "B-404", "--system", "billing", "--store", url, "--contract", contract);

        assertThat(explained.exitCode()).isEqualTo(1);
        assertThat(explained.err()).contains("billing holds no person with id 'B-404' that Accord has linked");
    }

    private Cli link(String localId, String... target) {
        List<String> args = new ArrayList<>(List.of("identity", "link", "--store", url, "--contract", contract, "--domain", "person",
                "--system", "billing", localId));
        args.addAll(List.of(target));
        return Cli.run(args.toArray(String[]::new));
    }

    private List<String> links() {
        return store.inTransaction(c -> {
            List<String> links = new ArrayList<>();
            try (Statement statement = c.createStatement();
                 ResultSet rows = statement.executeQuery("select system_name, local_id, canonical_id, how from identity_link order by local_id")) {
                while (rows.next()) {
                    links.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3) + " " + rows.getString(4));
                }
            }
            return links;
        });
    }
}
