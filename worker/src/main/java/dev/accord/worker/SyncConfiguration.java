package dev.accord.worker;

import dev.accord.connectors.ConnectorFactory;
import dev.accord.connectors.file.FileConnectors;
import dev.accord.connectors.http.HttpConnectors;
import dev.accord.connectors.jdbc.JdbcConnectors;
import dev.accord.connectors.resilience.SystemGuards;
import dev.accord.core.contract.Contract;
import dev.accord.core.contract.ContractLoader;
import dev.accord.engine.CompiledContract;
import dev.accord.engine.Engine;
import dev.accord.engine.WorkerIdentity;
import dev.accord.engine.telemetry.Telemetry;
import dev.accord.store.AccordStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The contract and the connectors the activities work with, and the context that holds them with the Accord store
 * ({@link StoreConfiguration}). Connection settings that a
 * contract names by environment variable ({@code url-env: CRM_JDBC_URL}) are looked up in Spring's
 * environment, so they may come from the OS environment, system properties or configuration.
 */
@Configuration(proxyBeanMethods = false)
class SyncConfiguration {

    @Bean
    Contract contract(AccordProperties properties) {
        return new ContractLoader().load(properties.contract());
    }

    @Bean(destroyMethod = "close")
    JdbcConnectors jdbcConnectors(Contract contract, Environment environment) {
        return new JdbcConnectors(contract, environment::getProperty);
    }

    @Bean
    ConnectorFactory connectorFactory(Contract contract, JdbcConnectors jdbc, HttpConnectors http, SystemGuards guards,
                                      Environment environment) {
        return new ContractConnectors(contract, jdbc, http, new FileConnectors(contract, environment::getProperty), guards);
    }

    @Bean
    Engine engine(Contract contract, AccordStore store, ConnectorFactory connectors, AccordProperties properties, Telemetry telemetry) {
        String version = AccordWorkerApplication.class.getPackage().getImplementationVersion();
        return new Engine(new CompiledContract(contract), store, connectors,
                new WorkerIdentity(version == null ? "dev" : version, properties.deploymentId()), telemetry);
    }
}
