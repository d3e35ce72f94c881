package dev.accord.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The schema registry table (Flyway V5) on an embedded store. */
class SchemaRegistryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AccordStore store = open();
    private final SchemaRegistry registry = new SchemaRegistry(java.time.Clock.systemUTC());

    @Test
    void versionsAreKeptPerDomainOldestFirst() throws Exception {
        store.inTransaction(c -> registry.register(c, version("customer", 2, "{\"type\": \"object\", \"title\": \"two\"}")));
        store.inTransaction(c -> registry.register(c, version("customer", 1, "{\"type\": \"object\"}")));
        store.inTransaction(c -> registry.register(c, version("order", 1, "{\"type\": \"object\"}")));

        java.util.Map<String, java.util.List<dev.accord.core.schema.VersionedSchema>> all = store.inTransaction(registry::all);

        assertThat(all).containsOnlyKeys("customer", "order");
        assertThat(all.get("customer")).extracting(v -> v.version()).containsExactly(1, 2);
        assertThat(all.get("customer").get(1).schema().path("title").asText()).isEqualTo("two");
        java.util.List<SchemaRegistry.Registered> customer = store.inTransaction(c -> registry.list(c, "customer"));
        assertThat(customer.get(0).contractHash()).isEqualTo("sha256:test");
    }

    @Test
    void registeringTheSameVersionAgainIsANoOpAndOtherContentIsRefused() throws Exception {
        Boolean first = store.inTransaction(c -> registry.register(c, version("customer", 1, "{\"type\": \"object\"}")));
        Boolean again = store.inTransaction(c -> registry.register(c, version("customer", 1, "{ \"type\" : \"object\" }")));

        assertThat(first).isTrue();
        assertThat(again).isFalse();

        assertThatThrownBy(() -> store.inTransaction(c -> registry.register(c, version("customer", 1, "{\"type\": \"string\"}"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("registered versions never change");
        java.util.List<SchemaRegistry.Registered> kept = store.inTransaction(c -> registry.list(c, "customer"));
        assertThat(kept).hasSize(1);
    }

    private static SchemaRegistry.Registered version(String domain, int version, String schema) {
        JsonNode node;
        try {
            node = JSON.readTree(schema);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        return new SchemaRegistry.Registered(domain, version, node, "BACKWARD", "customer-hub", "3", "sha256:test", "test", null);
    }

    private static AccordStore open() {
        JdbcDataSource source = new JdbcDataSource();
        String url = "jdbc:h2:mem:registry" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        source.setURL(url);
        return AccordStore.open(source, url);
    }
}
