package dev.accord.worker;

import dev.accord.connectors.ConnectorFactory;
import dev.accord.connectors.SourceConnector;
import dev.accord.connectors.TargetConnector;
import dev.accord.connectors.file.FileConnectors;
import dev.accord.connectors.http.HttpConnectors;
import dev.accord.connectors.jdbc.JdbcConnectors;
import dev.accord.connectors.resilience.SystemGuards;
import dev.accord.core.contract.Contract;
import dev.accord.core.contract.SystemKind;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens the connector a system's kind calls for (JDBC, http, file) and puts it behind the system's guards
 * (circuit breaker, rate limiter, bulkhead, time limiter). HTTP connectors take a rate permit per request;
 * the others per call.
 */
final class ContractConnectors implements ConnectorFactory {

    private final Contract contract;
    private final JdbcConnectors jdbc;
    private final HttpConnectors http;
    private final FileConnectors files;
    private final SystemGuards guards;
    private final Map<String, SourceConnector> sources = new ConcurrentHashMap<>();
    private final Map<String, TargetConnector> targets = new ConcurrentHashMap<>();

    ContractConnectors(Contract contract, JdbcConnectors jdbc, HttpConnectors http, FileConnectors files, SystemGuards guards) {
        this.contract = contract;
        this.jdbc = jdbc;
        this.http = http;
        this.files = files;
        this.guards = guards;
    }

    @Override
    public SourceConnector source(String system, String domain) {
        return sources.computeIfAbsent(system + "/" + domain, k -> {
            SystemKind kind = contract.system(system).kind();
            SourceConnector source = switch (kind) {
                case HTTP -> http.source(system, domain);
                case FILE -> files.source(system, domain);
                default -> jdbc.source(system, domain);
            };
            return guards.source(system, source, kind != SystemKind.HTTP);
        });
    }

    @Override
    public TargetConnector target(String system, String domain) {
        return targets.computeIfAbsent(system + "/" + domain, k -> {
            SystemKind kind = contract.system(system).kind();
            TargetConnector target = switch (kind) {
                case HTTP -> http.target(system, domain);
                case FILE -> files.target(system, domain);
                default -> jdbc.target(system, domain);
            };
            return guards.target(system, target, kind != SystemKind.HTTP);
        });
    }
}
