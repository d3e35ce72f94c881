package dev.accord.cli;

import dev.accord.activities.store.AccordStore;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine.Option;

/** Where the CLI finds the Accord store: the same default as the worker (H2 under ./.accord, shared with a running worker). */
public final class StoreConnection {

    @Option(names = "--store", paramLabel = "JDBC-URL", defaultValue = "${env:ACCORD_STORE_URL:-jdbc:h2:file:./.accord/store;AUTO_SERVER=TRUE}",
            description = "The Accord store (default: $ACCORD_STORE_URL or the embedded store in ./.accord).")
    String url;

    @Option(names = "--store-user", defaultValue = "${env:ACCORD_STORE_USER:-sa}", description = "Store user (default: $ACCORD_STORE_USER or sa).")
    String user;

    public AccordStore open() {
        String password = System.getenv().getOrDefault("ACCORD_STORE_PASSWORD", "");
        if (url.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource source = new PGSimpleDataSource();
            source.setURL(url);
            source.setUser(user);
            source.setPassword(password);
            return AccordStore.open(source, url);
        }
        JdbcDataSource source = new JdbcDataSource();
        source.setURL(url);
        source.setUser(user);
        source.setPassword(password);
        return AccordStore.open(source, url);
    }
}
