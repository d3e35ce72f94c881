package dev.accord.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.connectors.SourceCursor;
import dev.accord.connectors.SourcePage;
import dev.accord.connectors.SourceRow;
import dev.accord.connectors.TargetRow;
import dev.accord.connectors.TargetWrite;
import dev.accord.connectors.WriteResult;
import dev.accord.core.contract.Contract;
import dev.accord.core.contract.ContractLoader;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files as a source (a folder read in name order, each line once, malformed lines reported with file and
 * line, a changed file detected by its checksum) and as a target (an export rewritten atomically with
 * compare-and-set on a version column), in CSV and JSONL, with explicit encodings and delimiters.
 */
class FileConnectorsTest {

    @TempDir
    Path dir;

    @Test
    void csvFilesAreReadInNameOrderOnceWithMalformedLinesReportedByFileAndLine() throws IOException {
        FileConnectors files = connectors("csv", "UTF-8", ";");
        write("contacts-001.csv", "id;name;phone;changed_at\nC1;\"Lovelace; Ada\";+1;2024-06-01T08:00:00Z\nC2;Hopper\nC3;Turing;+3;\n",
                StandardCharsets.UTF_8);
        write("contacts-002.csv", "id;name;phone;changed_at\nC4;\"Dijk\"\"stra\";;\n", StandardCharsets.UTF_8);
        write("other.csv", "id;name;phone;changed_at\nX;x;x;\n", StandardCharsets.UTF_8);

        SourcePage first = files.source("drop", "contact").readChanges(SourceCursor.BEGINNING, 2);
        SourcePage second = files.source("drop", "contact").readChanges(first.next(), 10);

        assertThat(first.rows()).extracting(SourceRow::key).containsExactly("C1", "contacts-001.csv line 3");
        assertThat(first.rows().get(0).columns()).containsEntry("name", "Lovelace; Ada").containsEntry("phone", "+1");
        assertThat(first.rows().get(0).timestamp()).hasToString("2024-06-01T08:00:00Z");
        assertThat(first.rows().get(1).malformed()).isEqualTo("contacts-001.csv line 3: 2 fields, the header has 4");
        assertThat(first.rows().get(1).columns()).containsEntry("_raw", "C2;Hopper");
        assertThat(first.hasMore()).isTrue();
        assertThat(second.rows()).extracting(SourceRow::key).containsExactly("C3", "C4");
        assertThat(second.rows().get(1).columns()).containsEntry("name", "Dijk\"stra").containsEntry("phone", null);
        assertThat(second.hasMore()).isFalse();
        assertThat(second.next().position()).startsWith("contacts-002.csv#2#");

        Files.writeString(dir.resolve("incoming/contacts-002.csv"), "C5;Liskov;+5;\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        write("contacts-003.csv", "id;name;phone;changed_at\nC6;Knuth;+6;\n", StandardCharsets.UTF_8);
        SourcePage third = files.source("drop", "contact").readChanges(second.next(), 10);

        assertThat(third.rows()).extracting(SourceRow::key).containsExactly("C5", "C6");
        assertThat(files.source("drop", "contact").readChanges(third.next(), 10).rows()).isEmpty();
    }

    @Test
    void aFileChangedInItsReadPartIsDetectedByItsChecksum() throws IOException {
        FileConnectors files = connectors("csv", "UTF-8", ",");
        write("contacts-1.csv", "id,name,phone,changed_at\nC1,Ada,+1,\nC2,Grace,+2,\n", StandardCharsets.UTF_8);
        SourcePage read = files.source("drop", "contact").readChanges(SourceCursor.BEGINNING, 10);

        write("contacts-1.csv", "id,name,phone,changed_at\nC1,Ada,+1,\nC2,Grace,+99,\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> files.source("drop", "contact").readChanges(read.next(), 10))
                .isInstanceOf(ChangedFileException.class).hasMessageContaining("contacts-1.csv changed after line 3 was read");
    }

    @Test
    void jsonlInLatin1DecodesAndBadLinesAreMalformed() throws IOException {
        FileConnectors files = connectors("jsonl", "ISO-8859-1", ",");
        write("contacts-a.jsonl", "{\"id\": \"C1\", \"name\": \"Jos\u00e9\", \"score\": 4.50}\n{\"id\": \"C2\", \"name\": \n[1, 2]\n\n"
                + "{\"id\": \"C3\", \"changed_at\": \"2024-06-01T10:00:00+02:00\"}\n", StandardCharsets.ISO_8859_1);

        List<SourceRow> rows = files.source("drop", "contact").readChanges(SourceCursor.BEGINNING, 10).rows();

        assertThat(rows).extracting(SourceRow::key).containsExactly("C1", "contacts-a.jsonl line 2", "contacts-a.jsonl line 3", "C3");
        assertThat(rows.get(0).columns()).containsEntry("name", "Jos\u00e9");
        assertThat((BigDecimal) rows.get(0).columns().get("score")).isEqualByComparingTo("4.5");
        assertThat(rows.get(1).malformed()).startsWith("contacts-a.jsonl line 2: not a JSON object");
        assertThat(rows.get(2).malformed()).isEqualTo("contacts-a.jsonl line 3: not a JSON object but array");
        assertThat(rows.get(3).timestamp()).hasToString("2024-06-01T08:00:00Z");
        assertThat(files.source("drop", "contact").readByKeys(List.of("C3", "C9"))).extracting(SourceRow::key).containsExactly("C3");
    }

    @Test
    void bytesThatAreNotTheEncodingMakeTheLineMalformed() throws IOException {
        FileConnectors files = connectors("jsonl", "UTF-8", ",");
        Files.createDirectories(dir.resolve("incoming"));
        Files.write(dir.resolve("incoming/contacts-x.jsonl"), new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xE9, '"', '}', '\n'});

        SourceRow row = files.source("drop", "contact").readChanges(SourceCursor.BEGINNING, 10).rows().get(0);

        assertThat(row.malformed()).startsWith("contacts-x.jsonl line 1: bytes that are not UTF-8");
    }

    @Test
    void anExportIsWrittenWithCompareAndSetAndReadBack() throws IOException {
        FileConnectors files = connectors("csv", "UTF-8", ";");
        var export = files.target("export", "contact");

        List<WriteResult> created = export.apply(List.of(upsert("C2", null, Map.of("name", "Grace; Hopper", "score", new BigDecimal("7.5"))),
                upsert("C1", null, Map.of("name", "Ada"))));
        List<WriteResult> next = export.apply(List.of(upsert("C1", 1L, Map.of("phone", "+1")), upsert("C2", 5L, Map.of("name", "stale")),
                new TargetWrite("C2", 1L, TargetWrite.Kind.DELETE, Map.of())));

        assertThat(created).extracting(WriteResult::newVersion).containsExactly(1L, 1L);
        assertThat(next).extracting(WriteResult::status)
                .containsExactly(WriteResult.Status.APPLIED, WriteResult.Status.CONFLICT, WriteResult.Status.APPLIED);
        List<String> lines = Files.readAllLines(dir.resolve("out/contacts.export"));
        assertThat(lines.get(0)).isEqualTo("id;name;phone;score;version;deleted_at");
        assertThat(lines.get(1)).isEqualTo("C1;Ada;+1;;2;");
        assertThat(lines.get(2)).as("the tombstone holds the connectors' clock").isEqualTo("C2;\"Grace; Hopper\";;7.5;2;" + DELETED_AT);
        Map<String, TargetRow> rows = export.readByKeys(List.of("C1", "C2", "C3"));
        assertThat(rows).containsOnlyKeys("C1", "C2");
        assertThat(rows.get("C2").deleted()).isTrue();
        assertThat(rows.get("C1").version()).isEqualTo(2L);
        assertThat(rows.get("C1").columns()).containsEntry("phone", "+1");
        assertThat(Files.list(dir.resolve("out"))).as("no temporary file left").hasSize(1);
    }

    @Test
    void anExportWithItsOwnIdsKeepsThemAndAccordsIdInItsExternalIdColumn() throws IOException {
        FileConnectors files = connectors("csv", "UTF-8", ",");
        var owned = files.target("owned", "contact");

        List<WriteResult> created = owned.apply(List.of(upsert("L-1", null, Map.of("name", "Ada", "accord_id", "acc-1"))));

        assertThat(created).containsExactly(new WriteResult("L-1", WriteResult.Status.APPLIED, 1L));
        List<String> lines = Files.readAllLines(dir.resolve("out/owned.export"));
        assertThat(lines).containsExactly("code,accord_id,name,phone,version", "L-1,acc-1,Ada,,1");
        assertThat(owned.readByKeys(List.of("L-1")).get("L-1").columns()).containsEntry("code", "L-1")
                .containsEntry("accord_id", "acc-1").containsEntry("name", "Ada");
    }

    private static final String DELETED_AT = "2031-02-03T04:05:06.123456Z";

    private static TargetWrite upsert(String key, Long expected, Map<String, Object> columns) {
        return new TargetWrite(key, expected, TargetWrite.Kind.UPSERT, columns);
    }

    private void write(String name, String text, java.nio.charset.Charset charset) throws IOException {
        Files.createDirectories(dir.resolve("incoming"));
        Files.writeString(dir.resolve("incoming").resolve(name), text, charset);
    }

    private FileConnectors connectors(String format, String encoding, String delimiter) {
        try {
            Path file = Path.of(FileConnectorsTest.class.getResource("/file/contacts.contract.yaml").toURI());
            String text = Files.readString(file).replace("{format}", format).replace("{encoding}", encoding)
                    .replace("\"{delimiter}\"", format.equals("csv") ? "\"" + delimiter + "\"" : "\",\"")
                    .replace(", delimiter: \",\"", format.equals("csv") ? ", delimiter: \",\"" : "");
            Contract contract = new ContractLoader().load(text, "contacts.contract.yaml", file.getParent());
            Map<String, String> environment = Map.of("DIR", dir.toString());
            return new FileConnectors(contract, environment::get, Clock.fixed(Instant.parse(DELETED_AT), ZoneOffset.UTC));
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
