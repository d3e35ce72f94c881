package dev.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accord.core.page.PageRef;
import dev.accord.core.page.RunRef;
import dev.accord.core.page.SourceRecord;
import dev.accord.core.page.ValidatedPage;
import dev.accord.store.SchemaRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** At ingress a producer that declares an earlier schema-version is validated against that registered version. */
class ProducerSchemaVersionTest {

    private static final PageRef PAGE = new PageRef("crm-customers", new RunRef("sync/crm-customers", "run-1", "run-1-x"), 1);
    private static final String CRM_SOFT_DELETE = "        soft-delete-column: deleted_at\n";

    @TempDir
    Path folder;

    @Test
    void recordsAreValidatedAgainstTheVersionTheProducerDeclares() throws Exception {
        try (BoundaryContractsFixture fixture = new BoundaryContractsFixture(folder, t -> t.replace(CRM_SOFT_DELETE,
                CRM_SOFT_DELETE + "        schema-version: 2\n"))) {
            var v2 = new ObjectMapper().readTree(Files.readString(folder.resolve("schemas/customer.schema.json"))
                    .replace("\"maxLength\": 200", "\"maxLength\": 10"));
            fixture.store.inTransaction(c -> fixture.store.schemas().register(c, new SchemaRegistry.Registered("customer", 2,
                    v2, "BACKWARD", "customer-hub", "2", "sha256:v2", "test", null)));

            ValidatedPage page = fixture.engine.boundary().validate(PAGE, List.of(row("Ada Lovelace Byron")), true);

            assertThat(page.changes()).isEmpty();
            assertThat(page.quarantined()).singleElement().satisfies(o -> assertThat(o.detail()).contains("SCHEMA_CONSTRAINT at $.name"));
            assertThat(fixture.engine.boundary().validate(PAGE, List.of(row("Ada")), true).changes()).hasSize(1);
        }
    }

    @Test
    void theContractsOwnVersionIsUsedWhenTheProducerDeclaresNone() throws Exception {
        try (BoundaryContractsFixture fixture = new BoundaryContractsFixture(folder, t -> t)) {
            ValidatedPage page = fixture.engine.boundary().validate(PAGE, List.of(row("Ada Lovelace Byron")), true);

            assertThat(page.quarantined()).isEmpty();
        }
    }

    @Test
    void anUnregisteredVersionIsASetupProblem() throws Exception {
        try (BoundaryContractsFixture fixture = new BoundaryContractsFixture(folder, t -> t.replace(CRM_SOFT_DELETE,
                CRM_SOFT_DELETE + "        schema-version: 1\n"))) {
            assertThatThrownBy(() -> fixture.engine.boundary().validate(PAGE, List.of(row("Ada")), true))
                    .hasMessageContaining("produces version 1 of the schema of domain 'customer', which is not in the schema registry")
                    .satisfies(e -> assertThat(e.getClass().getName()).contains("Configuration"));
        }
    }

    private static SourceRecord row(String name) {
        return new SourceRecord("C000001", 1, Instant.parse("2024-03-01T09:00:00Z"), false, Map.of("id", "C000001",
                "full_name", name, "email", "ada@example.com", "status_code", "A"));
    }
}
