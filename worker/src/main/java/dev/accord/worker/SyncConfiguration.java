package dev.accord.worker;

import dev.accord.activities.hub.ConnectorFactory;
import dev.accord.activities.hub.SyncContext;
import dev.accord.activities.store.AccordStore;
import dev.accord.activities.telemetry.Telemetry;
import dev.accord.connectors.file.FileConnectors;
import dev.accord.connectors.http.HttpConnectors;
import dev.accord.connectors.jdbc.JdbcConnectors;
import dev.accord.connectors.resilience.SystemGuards;
import dev.accord.core.contract.Contract;
import dev.accord.core.contract.ContractLoader;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The contract, the Accord store and the connectors the activities work with. Connection settings that a
 * contract names by environment variable ({@code url-env: CRM_JDBC_URL}) are looked up in Spring's
 * environment, so they may come from the OS environment, system properties or configuration.
 */
@Configuration(proxyBeanMethods = false)
class SyncConfiguration {

    @Bean
    Contract contract(AccordProperties properties) {
        return new ContractLoader().load(properties.contract());
    }

    @Bean
    AccordStore accordStore(DataSource dataSource, DataSourceProperties dataSourceProperties) {
        return AccordStore.open(dataSource, dataSourceProperties.determineUrl());
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
    SyncContext syncContext(Contract contract, AccordStore store, ConnectorFactory connectors, AccordProperties properties,
                            Telemetry telemetry) {
        String version = AccordWorkerApplication.class.getPackage().getImplementationVersion();
        return new SyncContext(contract, store, connectors, version == null ? "dev" : version, properties.deploymentId())
                .withTelemetry(telemetry);
    }
}
