package dev.accord.worker;

import dev.accord.activities.hub.ConnectorFactory;
import dev.accord.connectors.SourceConnector;
import dev.accord.connectors.TargetConnector;
import dev.accord.connectors.jdbc.JdbcConnectors;
import dev.accord.core.contract.Contract;
import dev.accord.core.contract.SystemKind;

/** Opens the connector a system's kind calls for. */
final class ContractConnectors implements ConnectorFactory {

    private final Contract contract;
    private final JdbcConnectors jdbc;

    ContractConnectors(Contract contract, JdbcConnectors jdbc) {
        this.contract = contract;
        this.jdbc = jdbc;
    }

    @Override
    public SourceConnector source(String system, String domain) {
        requireJdbc(system);
        return jdbc.source(system, domain);
    }

    @Override
    public TargetConnector target(String system, String domain) {
        requireJdbc(system);
        return jdbc.target(system, domain);
    }

    private void requireJdbc(String system) {
        SystemKind kind = contract.system(system).kind();
        if (!kind.isJdbc()) {
            throw new UnsupportedKindConfigurationException("system '" + system + "' is of kind " + kind.spelling()
                    + "; this worker has connectors for postgres, mariadb and h2 systems");
        }
    }

    /** A contract names a system kind this worker cannot reach; not retryable. */
    static final class UnsupportedKindConfigurationException extends IllegalStateException {
        UnsupportedKindConfigurationException(String message) {
            super(message);
        }
    }
}
