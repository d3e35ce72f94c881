package dev.accord.worker;

import com.zaxxer.hikari.HikariDataSource;
import dev.accord.store.AccordStore;
import dev.accord.store.StoreSchema;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Accord store: its connection pool from {@code spring.datasource.*} ({@code ACCORD_STORE_URL}, …), every
 * connection working in the contract's store schema ({@code accord.store.schema}, see {@link StoreSchema} for why the
 * schema travels in the URL), and the store itself, migrated into that schema at start-up.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    /** Spring Boot's own Hikari pool (its {@code spring.datasource.hikari.*} settings bound as usual), on the schema's URL. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DataSourceProperties properties, AccordProperties accord) {
        return properties.initializeDataSourceBuilder().type(HikariDataSource.class)
                .url(StoreSchema.url(properties.determineUrl(), accord.store().schema()))
                .build();
    }

    @Bean
    AccordStore accordStore(DataSource dataSource, DataSourceProperties properties, AccordProperties accord) {
        String schema = accord.store().schema();
        return AccordStore.open(dataSource, StoreSchema.url(properties.determineUrl(), schema), schema);
    }
}
