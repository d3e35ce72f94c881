package dev.accord.connectors.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.accord.connectors.SourceConnector;
import dev.accord.connectors.TargetConnector;
import dev.accord.core.contract.Contract;
import dev.accord.core.contract.SystemSpec;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * The JDBC connectors of one contract (systems of kind postgres, mariadb and h2). Each system gets one
 * small connection pool, opened on first use; each (system, domain) one source and one target, created
 * once and shared by all activity threads. Settings problems (no URL, a system that is not a database,
 * a mapping that does not fit the table) surface as exceptions whose names say {@code Configuration}:
 * retrying cannot fix them. Close it to close the pools.
 */
public final class JdbcConnectors implements AutoCloseable {

    private final Contract contract;
    private final UnaryOperator<String> environment;
    private final Clock clock;
    private final Map<String, HikariDataSource> pools = new ConcurrentHashMap<>();
    private final Map<String, JdbcSource> sources = new ConcurrentHashMap<>();
    private final Map<String, JdbcTarget> targets = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** @param environment looks up the environment variables the contract names ({@code System::getenv} in production) */
    public JdbcConnectors(Contract contract, UnaryOperator<String> environment) {
        this(contract, environment, Clock.systemUTC());
    }

    /** @param clock the time of a source row that has no time column of its own, and of an outbox entry */
    public JdbcConnectors(Contract contract, UnaryOperator<String> environment, Clock clock) {
        this.contract = contract;
        this.environment = environment;
        this.clock = clock;
    }

    /** Reads {@code domain} from {@code system} by its cursor column or outbox. */
    public SourceConnector source(String system, String domain) {
        return sources.computeIfAbsent(system + "/" + domain, k -> new JdbcSource(table(system, domain), clock));
    }

    /** Writes {@code domain} to {@code system} with compare-and-set on its version column. */
    public TargetConnector target(String system, String domain) {
        return targets.computeIfAbsent(system + "/" + domain, k -> new JdbcTarget(table(system, domain), clock));
    }

    /** The system's pool, opened on first use; fails when the contract gives no URL for it. */
    public DataSource dataSource(String system) {
        if (closed) {
            throw new IllegalStateException("the JDBC connectors are closed");
        }
        SystemSpec spec = jdbcSystem(system);
        return pools.computeIfAbsent(system, name -> ConnectionPools.open(spec, environment));
    }

    @Override
    public void close() {
        closed = true;
        pools.values().forEach(HikariDataSource::close);
        pools.clear();
        sources.clear();
        targets.clear();
    }

    private MappedTable table(String system, String domain) {
        SystemSpec spec = jdbcSystem(system);
        return new MappedTable(dataSource(system), SqlDialect.of(spec.kind()), spec, contract.mapping(system, domain),
                contract.domain(domain).key());
    }

    private SystemSpec jdbcSystem(String system) {
        SystemSpec spec = contract.system(system);
        if (!spec.kind().isJdbc()) {
            throw new ConnectionConfigurationException("system '" + system + "' is of kind " + spec.kind().spelling()
                    + ", not a JDBC database (postgres, mariadb or h2)");
        }
        return spec;
    }
}
