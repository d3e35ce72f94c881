package dev.accord.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.connectors.TargetConnector;
import dev.accord.connectors.TargetRow;
import dev.accord.connectors.TargetWrite;
import dev.accord.connectors.TargetWrite.Kind;
import dev.accord.connectors.WriteResult;
import dev.accord.core.validation.ReasonCode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Creates in a table whose database assigns the ids (system {@code gen}: {@code key: {column: id, assigned: true,
 * external-id: accord_id}}), on each database: the create's key is the canonical id, the row gets the id the database
 * generates, and a create retried after a crash (the row committed, the link never recorded) finds that row by its
 * external-id column instead of inserting a second one. Tables are named {@code ids_…}.
 */
abstract class AssignedKeysContract {

    static final String GEN_COLUMNS = "id {identity}, accord_id VARCHAR(64), name VARCHAR(20), qty INTEGER, ver BIGINT";

    Fixture fx;
    TargetConnector gen;

    abstract TestDatabase database();

    @BeforeEach
    void open() {
        fx = new Fixture(database(), "ids_");
        fx.create("gen", GEN_COLUMNS);
        gen = fx.connectors.target("gen", "item");
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void aCreateLandsWithTheIdTheDatabaseGeneratesAndTheCanonicalIdInItsExternalIdColumn() {
        List<WriteResult> results = gen.apply(List.of(create("acc-1", "Ada", 3L), create("acc-2", "Grace", 4L)));

        assertThat(results).extracting(WriteResult::key, WriteResult::status, WriteResult::newVersion).containsExactly(
                org.assertj.core.groups.Tuple.tuple("acc-1", WriteResult.Status.APPLIED, 1L),
                org.assertj.core.groups.Tuple.tuple("acc-2", WriteResult.Status.APPLIED, 1L));
        List<Map<String, Object>> rows = rows();
        assertThat(rows).hasSize(2);
        assertThat(results.get(0).assignedKey()).isEqualTo(rows.get(0).get("id").toString());
        assertThat(results.get(1).assignedKey()).isEqualTo(rows.get(1).get("id").toString()).isNotEqualTo(results.get(0).assignedKey());
        assertThat(rows.get(0)).containsEntry("accord_id", "acc-1").containsEntry("name", "Ada").containsEntry("ver", 1L);
        assertThat(rows.get(1)).containsEntry("accord_id", "acc-2").containsEntry("name", "Grace");

        TargetRow read = gen.readByKeys(List.of(results.get(0).assignedKey())).get(results.get(0).assignedKey());
        assertThat(read.version()).isEqualTo(1L);
        assertThat(read.columns()).containsEntry("accord_id", "acc-1").containsEntry("name", "Ada");
    }

    @Test
    void theSameCreateRetriedAfterACrashAnswersTheRowItMadeAndWritesNothing() {
        String assigned = gen.apply(List.of(create("acc-1", "Ada", 3L))).get(0).assignedKey();

        // The worker crashed after the commit and before the link was recorded: a new worker sends the create again,
        // its values meanwhile changed.
        TargetConnector again = fx.connectors.target("gen", "item");
        List<WriteResult> retried = again.apply(List.of(create("acc-1", "Ada L.", 5L)));

        assertThat(retried).containsExactly(WriteResult.alreadyCreated("acc-1", assigned));
        assertThat(rows()).hasSize(1);
        assertThat(rows().get(0)).containsEntry("name", "Ada").containsEntry("ver", 1L);

        // The engine links the row, re-reads it and plans an update by the local id: that lands as any update does.
        assertThat(again.apply(List.of(new TargetWrite(assigned, 1L, Kind.UPSERT, columns("acc-1", "Ada L.", 5L)))))
                .containsExactly(new WriteResult(assigned, WriteResult.Status.APPLIED, 2L));
        assertThat(rows().get(0)).containsEntry("name", "Ada L.").containsEntry("ver", 2L).containsEntry("accord_id", "acc-1");
    }

    @Test
    void twoCreatesOfOneCanonicalIdInOneBatchMakeOneRow() {
        List<WriteResult> results = gen.apply(List.of(create("acc-1", "Ada", 3L), create("acc-1", "Ada", 3L)));

        assertThat(results.get(0).status()).isEqualTo(WriteResult.Status.APPLIED);
        assertThat(results.get(1)).isEqualTo(WriteResult.alreadyCreated("acc-1", results.get(0).assignedKey()));
        assertThat(rows()).hasSize(1);
    }

    @Test
    void aRejectedRecordBesideACreateDoesNotStopTheCreateNorTheOtherWrites() {
        fx.db.execute("ALTER TABLE " + fx.table("gen") + " ADD CONSTRAINT " + fx.table("gen") + "_qty CHECK (qty >= 0)");
        String existing = gen.apply(List.of(create("acc-0", "Old", 1L))).get(0).assignedKey();
        List<TargetWrite> writes = List.of(create("acc-1", "Ada", 3L), create("acc-2", "Refused", -1L),
                create("acc-3", "x".repeat(21), 1L), new TargetWrite(existing, 1L, Kind.UPSERT, columns("acc-0", "Updated", 2L)),
                create("acc-4", "Grace", 4L));

        assertThat(gen.check(writes)).as("the canonical id of a create is not checked against the generated id's column")
                .containsOnlyKeys("acc-3");
        List<WriteResult> results = gen.apply(writes);

        assertThat(results).extracting(WriteResult::key, WriteResult::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("acc-1", WriteResult.Status.APPLIED),
                org.assertj.core.groups.Tuple.tuple("acc-2", WriteResult.Status.REJECTED),
                org.assertj.core.groups.Tuple.tuple("acc-3", WriteResult.Status.REJECTED),
                org.assertj.core.groups.Tuple.tuple(existing, WriteResult.Status.APPLIED),
                org.assertj.core.groups.Tuple.tuple("acc-4", WriteResult.Status.APPLIED));
        assertThat(results.get(1).rejection().reason()).isEqualTo(ReasonCode.TARGET_REJECTED);
        assertThat(results.get(2).rejection().reason()).isEqualTo(ReasonCode.VALUE_TOO_LONG);
        List<Map<String, Object>> rows = rows();
        assertThat(rows).extracting(r -> r.get("accord_id")).containsExactly("acc-0", "acc-1", "acc-4");
        assertThat(rows).extracting(r -> r.get("id").toString())
                .containsExactly(existing, results.get(0).assignedKey(), results.get(4).assignedKey());
        assertThat(rows.get(0)).containsEntry("name", "Updated").containsEntry("ver", 2L);
    }

    @Test
    void deletesAndUpdatesGoByTheRowsOwnId() {
        List<WriteResult> created = gen.apply(List.of(create("acc-1", "Ada", 3L), create("acc-2", "Grace", 4L)));
        String ada = created.get(0).assignedKey();
        String grace = created.get(1).assignedKey();

        List<WriteResult> results = gen.apply(List.of(new TargetWrite(ada, 1L, Kind.DELETE, Map.of()),
                new TargetWrite(grace, 7L, Kind.UPSERT, columns("acc-2", "Stale", 1L))));

        assertThat(results).containsExactly(new WriteResult(ada, WriteResult.Status.APPLIED, null),
                new WriteResult(grace, WriteResult.Status.CONFLICT, null));
        assertThat(rows()).extracting(r -> r.get("accord_id")).containsExactly("acc-2");
    }

    @Test
    void aCreateWhoseKeyIsAlreadyARowsOwnIdIsInsertedWithThatIdAndLookedUpByNothing() {
        fx.db.execute("DROP TABLE " + fx.table("gen"));
        fx.create("gen", GEN_COLUMNS.replace("{identity}", "{serial}"));

        // A record linked here already (its external-id column holds its canonical id, not the key) whose row is gone.
        List<WriteResult> results = gen.apply(List.of(new TargetWrite("41", null, Kind.UPSERT, columns("acc-1", "Ada", 3L))));

        assertThat(results).containsExactly(new WriteResult("41", WriteResult.Status.APPLIED, 1L));
        assertThat(rows()).extracting(r -> r.get("id").toString(), r -> r.get("accord_id"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("41", "acc-1"));
    }

    /** A create as the engine sends it for a row not linked yet: the canonical id as key and in the external-id column. */
    static TargetWrite create(String canonicalId, String name, Long qty) {
        return new TargetWrite(canonicalId, null, Kind.UPSERT, columns(canonicalId, name, qty));
    }

    static Map<String, Object> columns(String canonicalId, String name, Long qty) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("name", name);
        columns.put("qty", qty);
        columns.put("accord_id", canonicalId);
        return columns;
    }

    /** The table's rows by id, with the version as a long. */
    List<Map<String, Object>> rows() {
        return fx.db.query("SELECT id, accord_id, name, qty, ver FROM " + fx.table("gen") + " ORDER BY id").stream().map(r -> {
            Map<String, Object> row = new HashMap<>(r);
            row.put("ver", row.get("ver") == null ? null : ((Number) row.get("ver")).longValue());
            return row;
        }).toList();
    }
}
