package dev.accord.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
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
    private final IdentityLinks identityLinks;
    private final MatchIndex matchIndex = new MatchIndex();
    private final Checkpoints checkpoints;
    private final QuarantineLog quarantine;
    private final QuarantineActions quarantineActions;
    private final Runs runs;
    private final KillSwitch killSwitch;
    private final BackfillChunks backfillChunks;
    private final DryRunDiffs dryRunDiffs;
    private final ReviewQueue reviews;
    private final ApiAudit apiAudit = new ApiAudit();
    private final FreshnessChecks freshness = new FreshnessChecks();
    private final Backlogs backlogs;
    private final AttemptLeases leases;
    private final StoreTransactions transactions;
    private final Clock clock;

    private AccordStore(DataSource dataSource, StoreDialect dialect, Clock clock) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.clock = clock;
        this.leases = new AttemptLeases(dialect);
        this.transactions = new StoreTransactions(dataSource, dialect, leases, clock);
        this.golden = new GoldenRecords(dialect, clock);
        this.applied = new AppliedChanges(dialect, clock);
        this.history = new FieldHistory(dialect, clock);
        this.deliveries = new Deliveries(dialect, clock);
        this.changeLog = new ChangeLog(clock);
        this.echoes = new EchoMemory(dialect, clock);
        this.identityLinks = new IdentityLinks(dialect, clock);
        this.checkpoints = new Checkpoints(dialect, clock);
        this.quarantine = new QuarantineLog(dialect, clock);
        this.quarantineActions = new QuarantineActions(quarantine, clock);
        this.runs = new Runs(dialect, clock);
        this.killSwitch = new KillSwitch(clock);
        this.backfillChunks = new BackfillChunks(dialect, clock);
        this.reviews = new ReviewQueue(dialect, clock);
        this.dryRunDiffs = new DryRunDiffs(clock);
        this.backlogs = new Backlogs(clock);
    }

    /** Migrates the schema of the database behind {@code dataSource} (reached at {@code jdbcUrl}) and opens it. */
    public static AccordStore open(DataSource dataSource, String jdbcUrl) {
        return open(dataSource, jdbcUrl, null);
    }

    /**
     * Opens the store in {@code schema} (blank: the connection's default schema), migrating it there and creating the
     * schema if missing; the connections of {@code dataSource} must already work in it ({@link StoreSchema#url}).
     */
    public static AccordStore open(DataSource dataSource, String jdbcUrl, String schema) {
        return open(dataSource, jdbcUrl, schema, Clock.systemUTC());
    }

    /** The same, with the clock every row's time stamps (created, updated, decided, expires) come from. */
    public static AccordStore open(DataSource dataSource, String jdbcUrl, String schema, Clock clock) {
        StoreDialect dialect = StoreDialect.forUrl(jdbcUrl);
        Flyway.configure()
                .dataSource(dataSource)
                .locations(dialect.migrations())
                .schemas(StoreSchema.flywaySchemas(jdbcUrl, schema))
                .table("accord_schema_history")
                .load()
                .migrate();
        StoreSchema.verify(dataSource, schema);
        return new AccordStore(dataSource, dialect, clock);
    }

    /** The registry of canonical schema versions (table schema_version), time-stamped by this store's clock. */
    public SchemaRegistry schemas() {
        return new SchemaRegistry(clock);
    }

    /** Where the store's time stamps come from, and the engine's "now" (review deadlines, freshness). */
    public Clock clock() {
        return clock;
    }

    /** A unit of work on one connection inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction: everything it writes commits together or not at all. Inside an activity
     * attempt ({@link #fenced}) it commits only while that attempt holds its lease, else nothing and
     * {@link SupersededAttemptException}.
     */
    public <T> T inTransaction(Work<T> work) {
        return transactions.inTransaction(work);
    }

    /**
     * Runs {@code work} as the attempt {@code fence} names (see docs/architecture.md#fencing): takes its activity's
     * lease, then fences every store transaction {@code work} runs on this thread.
     */
    public <T> T fenced(Fence fence, java.util.function.Supplier<T> work) {
        return transactions.fenced(fence, work);
    }

    /** Fails with {@link SupersededAttemptException} unless the current attempt still holds its lease; before writing a system. */
    public void checkFence(String what) {
        transactions.checkFence(what);
    }

    public AttemptLeases leases() {
        return leases;
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

    /** The cross-reference: which golden record each local id of a system that keeps its own ids stands for. */
    public IdentityLinks identityLinks() {
        return identityLinks;
    }

    /** The golden records' match values, hashed, per match rule. */
    public MatchIndex matchIndex() {
        return matchIndex;
    }

    public Checkpoints checkpoints() {
        return checkpoints;
    }

    public QuarantineLog quarantine() {
        return quarantine;
    }

    public QuarantineActions quarantineActions() {
        return quarantineActions;
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
