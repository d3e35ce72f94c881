package dev.accord.connectors;

import dev.accord.connectors.SourceConnector;
import dev.accord.connectors.TargetConnector;

/**
 * Opens connectors by system and domain. The worker backs it with the JDBC connectors (and, per system
 * kind, others); tests back it with connectors over their own databases.
 */
public interface ConnectorFactory {

    SourceConnector source(String system, String domain);

    TargetConnector target(String system, String domain);
}
