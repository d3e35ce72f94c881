package dev.accord.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.core.failure.FailureKind;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** Where a contract's store schema goes in the JDBC URL, and the settings that are refused before anything connects. */
class StoreSchemaTest {

    private static final String POSTGRES = "jdbc:postgresql://db:5432/accord";

    @Test
    void aSchemaBecomesThePostgresConnectionsCurrentSchemaAndNoneLeavesTheUrlAsItWas() {
        assertThat(StoreSchema.url(POSTGRES, "billing")).isEqualTo(POSTGRES + "?currentSchema=billing");
        assertThat(StoreSchema.url(POSTGRES + "?sslmode=require", "billing")).isEqualTo(POSTGRES + "?sslmode=require&currentSchema=billing");
        assertThat(StoreSchema.url(POSTGRES + "?currentSchema=billing", "billing")).isEqualTo(POSTGRES + "?currentSchema=billing");
        assertThat(StoreSchema.url(POSTGRES, null)).isEqualTo(POSTGRES);
        assertThat(StoreSchema.url(POSTGRES, " ")).isEqualTo(POSTGRES);
        assertThat(StoreSchema.url("jdbc:h2:file:./.accord/store", "")).isEqualTo("jdbc:h2:file:./.accord/store");
    }

    @Test
    void anH2StoreTakesNoSchema() {
        assertThatThrownBy(() -> StoreSchema.url("jdbc:h2:file:./.accord/store", "billing"))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.CONFIGURATION))
                .hasMessageContaining("a store schema ('billing') is for a PostgreSQL store")
                .hasMessageContaining("give each contract its own ACCORD_STORE_URL");
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:hq2_schema;DB_CLOSE_DELAY=-1");
        assertThatThrownBy(() -> AccordStore.open(h2, "jdbc:h2:mem:hq2_schema", "billing")).isInstanceOf(StoreException.class);
    }

    @Test
    void aSchemaIsAPlainLowerCaseNameAndNamedOnce() {
        assertThatThrownBy(() -> StoreSchema.url(POSTGRES, "Billing")).hasMessageContaining("not a plain lower-case SQL name");
        assertThatThrownBy(() -> StoreSchema.url(POSTGRES, "a;drop table x")).hasMessageContaining("not a plain lower-case SQL name");
        assertThatThrownBy(() -> StoreSchema.url(POSTGRES + "?currentSchema=crm", "billing"))
                .hasMessageContaining("names currentSchema=crm and the store schema is 'billing'");
    }
}
