package dev.accord.connectors.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.accord.core.contract.SystemSpec;
import java.util.function.UnaryOperator;

/**
 * Opens the connection pool of one system from its contract settings ({@code url}, {@code user},
 * {@code password}, each inline or named by an environment variable). Pools are small: a worker runs a
 * few activities per system at once, and a sync must never starve the system's own application.
 */
final class ConnectionPools {

    static final int MAX_CONNECTIONS = 4;

    private ConnectionPools() {}

    static HikariDataSource open(SystemSpec system, UnaryOperator<String> environment) {
        String url = system.connection().resolve("url", environment).orElseThrow(() -> missingUrl(system));
        HikariConfig config = new HikariConfig();
        config.setPoolName(system.name());
        config.setJdbcUrl(url);
        system.connection().resolve("user", environment).ifPresent(config::setUsername);
        system.connection().resolve("password", environment).ifPresent(config::setPassword);
        config.setMaximumPoolSize(MAX_CONNECTIONS);
        config.setMinimumIdle(1);
        // Start even while the database is down: the first query then fails and its activity is retried.
        config.setInitializationFailTimeout(-1);
        SqlDialect.of(system.kind()).configure(config);
        return new HikariDataSource(config);
    }

    private static ConnectionConfigurationException missingUrl(SystemSpec system) {
        String variable = system.connection().env().get("url");
        String fix = variable != null ? "set " + variable : "add 'url-env: <VARIABLE>' (or 'url:') to its connection in the contract";
        return new ConnectionConfigurationException("system '" + system.name() + "' has no JDBC URL: " + fix);
    }
}
