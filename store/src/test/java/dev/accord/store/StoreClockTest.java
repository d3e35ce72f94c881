package dev.accord.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The store's time stamps come from the clock it was opened with, not from the machine's. */
class StoreClockTest {

    private static final Instant FIXED = Instant.parse("2031-02-03T04:05:06.123456Z");

    @Test
    void rowsAreTimeStampedByTheStoresClock() {
        JdbcDataSource source = new JdbcDataSource();
        String url = "jdbc:h2:mem:clock" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        source.setURL(url);
        AccordStore store = AccordStore.open(source, url, null, Clock.fixed(FIXED, ZoneOffset.UTC));

        store.inTransaction(c -> {
            store.killSwitch().set(c, true, "maintenance", "ops");
            return null;
        });

        assertThat(store.clock().instant()).isEqualTo(FIXED);
        assertThat(store.inTransaction(c -> store.killSwitch().state(c)).changedAt()).isEqualTo(FIXED);
    }
}
