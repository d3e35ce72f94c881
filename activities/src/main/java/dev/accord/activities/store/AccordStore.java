package dev.accord.activities.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Accord's own state in a relational database (PostgreSQL in production, H2 embedded): golden records,
 * dedup keys, field history, pending deliveries, change log, echo memory, checkpoints, quarantine, run
 * records and the kill switch. Opening the store migrates its schema with Flyway.
 *
 * <p>Each table is one small class; activities compose their writes in one transaction with
 * {@link #inTransaction(Work)}.
 */
public final class AccordStore {

    private final DataSource dataSource;
    private final StoreDialect dialect;
    private final GoldenRecords golden;
    private final AppliedChanges applied;
    private final FieldHistory history;
    private final Deliveries deliveries;
    private final ChangeLog changeLog;
    private final EchoMemory echoes;
    private final Checkpoints checkpoints;
    private final QuarantineLog quarantine;
    private final Runs runs;
    private final KillSwitch killSwitch;
    private final BackfillChunks backfillChunks;
    private final DryRunDiffs dryRunDiffs = new DryRunDiffs();
    private final ReviewQueue reviews;
    private final ApiAudit apiAudit = new ApiAudit();
    private final FreshnessChecks freshness = new FreshnessChecks();
    private final Backlogs backlogs = new Backlogs();

    private AccordStore(DataSource dataSource, StoreDialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.golden = new GoldenRecords(dialect);
        this.applied = new AppliedChanges(dialect);
        this.history = new FieldHistory(dialect);
        this.deliveries = new Deliveries(dialect);
        this.changeLog = new ChangeLog();
        this.echoes = new EchoMemory(dialect);
        this.checkpoints = new Checkpoints(dialect);
        this.quarantine = new QuarantineLog(dialect);
        this.runs = new Runs(dialect);
        this.killSwitch = new KillSwitch();
        this.backfillChunks = new BackfillChunks(dialect);
        this.reviews = new ReviewQueue(dialect);
    }

    /** Migrates the schema of the database behind {@code dataSource} (reached at {@code jdbcUrl}) and opens it. */
    public static AccordStore open(DataSource dataSource, String jdbcUrl) {
        StoreDialect dialect = StoreDialect.forUrl(jdbcUrl);
        Flyway.configure()
                .dataSource(dataSource)
                .locations(dialect.migrations())
                .table("accord_schema_history")
                .load()
                .migrate();
        return new AccordStore(dataSource, dialect);
    }

    /** A unit of work on one connection inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in one transaction: everything it writes commits together or not at all. */
    public <T> T inTransaction(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StoreException("Accord store transaction failed: " + e.getMessage(), e);
        }
    }

    public GoldenRecords golden() {
        return golden;
    }

    public AppliedChanges applied() {
        return applied;
    }

    public FieldHistory history() {
        return history;
    }

    public Deliveries deliveries() {
        return deliveries;
    }

    public ChangeLog changeLog() {
        return changeLog;
    }

    public EchoMemory echoes() {
        return echoes;
    }

    public Checkpoints checkpoints() {
        return checkpoints;
    }

    public QuarantineLog quarantine() {
        return quarantine;
    }

    public Runs runs() {
        return runs;
    }

    public KillSwitch killSwitch() {
        return killSwitch;
    }

    public ApiAudit apiAudit() {
        return apiAudit;
    }

    public ReviewQueue reviews() {
        return reviews;
    }

    public FreshnessChecks freshness() {
        return freshness;
    }

    public Backlogs backlogs() {
        return backlogs;
    }

    public DryRunDiffs dryRunDiffs() {
        return dryRunDiffs;
    }

    public BackfillChunks backfillChunks() {
        return backfillChunks;
    }

    StoreDialect dialect() {
        return dialect;
    }
}
