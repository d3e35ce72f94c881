package dev.accord.cli;

import dev.accord.store.AccordStore;
import dev.accord.store.StoreSchema;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine.Option;

/**
 * Where the CLI finds the Accord store: the same defaults as the worker (H2 under ./.accord, shared with a running worker;
 * in a PostgreSQL store, the contract's schema).
 */
public final class StoreConnection {

    @Option(names = "--store", paramLabel = "JDBC-URL", defaultValue = "${env:ACCORD_STORE_URL:-jdbc:h2:file:./.accord/store;AUTO_SERVER=TRUE}",
            description = "The Accord store (default: $ACCORD_STORE_URL or the embedded store in ./.accord).")
    String url;

    @Option(names = "--store-user", defaultValue = "${env:ACCORD_STORE_USER:-sa}", description = "Store user (default: $ACCORD_STORE_USER or sa).")
    String user;

    @Option(names = "--store-schema", paramLabel = "SCHEMA", defaultValue = "${env:ACCORD_STORE_SCHEMA:-}",
            description = "The contract's schema in a PostgreSQL store (default: $ACCORD_STORE_SCHEMA, or the connection's default schema).")
    String schema;

    public AccordStore open() {
        String password = System.getenv().getOrDefault("ACCORD_STORE_PASSWORD", "");
        String schemaUrl = StoreSchema.url(url, schema);
        if (url.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource source = new PGSimpleDataSource();
            source.setURL(schemaUrl);
            source.setUser(user);
            source.setPassword(password);
            return AccordStore.open(source, schemaUrl, schema);
        }
        JdbcDataSource source = new JdbcDataSource();
        source.setURL(url);
        source.setUser(user);
        source.setPassword(password);
        return AccordStore.open(source, url);
    }
}
