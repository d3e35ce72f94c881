package dev.accord.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Each backfill chunk's progress: the last key whose page is applied, pages, records, and whether it is done. */
public final class BackfillChunks {

    private final Clock clock;

    private static final List<String> COLUMNS = List.of("run_id", "chunk_no", "after_key", "last_key", "last_key_done", "pages",
            "records", "done", "updated_at");

    private final StoreDialect dialect;

    BackfillChunks(StoreDialect dialect, Clock clock) {
        this.clock = clock;
        this.dialect = dialect;
    }

    /**
     * How far one chunk of a backfill got: its key range (after {@code afterKey}, up to {@code lastKey}; null: open),
     * the last key whose page was applied and checkpointed, and its counts.
     */
    public record Chunk(String runId, int chunk, String afterKey, String lastKey, String lastKeyDone, long pages, long records,
                        boolean done) {}

    public Optional<Chunk> load(Connection connection, String runId, int chunk) throws SQLException {
        return Sql.query(connection, "select * from backfill_chunk where run_id = ? and chunk_no = ?", s -> {
            s.setString(1, runId);
            s.setInt(2, chunk);
        }, r -> new Chunk(r.getString("run_id"), r.getInt("chunk_no"), r.getString("after_key"),
                r.getString("last_key"), r.getString("last_key_done"), r.getLong("pages"), r.getLong("records"),
                r.getBoolean("done"))).stream().findFirst();
    }

    public void save(Connection connection, Chunk progress) throws SQLException {
        Sql.update(connection, dialect.upsert("backfill_chunk", COLUMNS, List.of("run_id", "chunk_no")), s -> {
            s.setString(1, progress.runId());
            s.setInt(2, progress.chunk());
            s.setString(3, progress.afterKey());
            s.setString(4, progress.lastKey());
            s.setString(5, progress.lastKeyDone());
            s.setLong(6, progress.pages());
            s.setLong(7, progress.records());
            s.setBoolean(8, progress.done());
            Sql.setTime(s, 9, clock.instant());
        });
    }
}
