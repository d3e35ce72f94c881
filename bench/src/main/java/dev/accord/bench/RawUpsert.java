package dev.accord.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * The practical limit for a JDBC writer: the source streamed through a cursor, mapped in Java, and written
 * with a batched {@code INSERT … ON CONFLICT DO UPDATE}, a commit per batch. No validation, no log, one
 * thread.
 */
final class RawUpsert implements Baseline {

    private final int batchSize;

    RawUpsert(int batchSize) {
        this.batchSize = batchSize;
    }

    @Override
    public String name() {
        return "raw JDBC batched upsert";
    }

    @Override
    public String table() {
        return BenchDatabases.RAW_TARGET;
    }

    @Override
    public long run(BenchDatabases databases) throws Exception {
        long rows = 0;
        try (Connection reader = databases.postgres.connect(); Connection writer = databases.postgres.connect()) {
            reader.setAutoCommit(false);
            writer.setAutoCommit(false);
            try (PreparedStatement select = reader.prepareStatement(AccountMapping.SELECT_SOURCE);
                 PreparedStatement upsert = writer.prepareStatement(AccountMapping.upsert(table()))) {
                select.setFetchSize(batchSize);
                try (ResultSet source = select.executeQuery()) {
                    while (source.next()) {
                        AccountMapping.map(source).bind(upsert);
                        upsert.addBatch();
                        if (++rows % batchSize == 0) {
                            upsert.executeBatch();
                            writer.commit();
                        }
                    }
                }
                upsert.executeBatch();
                writer.commit();
            }
            reader.commit();
        }
        return rows;
    }
}
