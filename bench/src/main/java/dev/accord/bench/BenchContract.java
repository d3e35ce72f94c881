package dev.accord.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The benchmark's contract: one flow {@code bench} from the PostgreSQL customers table to an accounts table
 * in PostgreSQL or MariaDB, with the target's own column names, status spellings and credit in cents. The
 * source owns every field. Continuous runs poll every 200 ms once caught up.
 */
final class BenchContract {

    static final String FLOW = "bench";

    private BenchContract() {}

    /**
     * Writes the contract for a target of {@code kind} ({@code postgres} or {@code mariadb}) and its schema into {@code dir}.
     *
     * @param identity the source keeps its own ids, as the id authority, and the domain matches first sightings by e-mail:
     *     every record goes through the cross-reference and the match index (the canonical ids stay the source's ids, so
     *     the target's rows are the same and the runs compare)
     */
    static Path write(Path dir, String kind, int batchSize, boolean identity) {
        return write(dir, kind, BenchDatabases.ACCORD_TARGET, batchSize, identity);
    }

    /** As {@link #write(Path, String, int, boolean)}, into target table {@code table}. */
    static Path write(Path dir, String kind, String table, int batchSize) {
        return write(dir, kind, table, batchSize, false);
    }

    private static Path write(Path dir, String kind, String table, int batchSize, boolean identity) {
        try {
            Files.createDirectories(dir.resolve("schemas"));
            Files.writeString(dir.resolve("schemas/customer.schema.json"), SCHEMA);
            Path contract = dir.resolve("bench-" + kind + "-" + table + ".contract.yaml");
            Files.writeString(contract, CONTRACT.replace("@KIND@", kind).replace("@TABLE@", table)
                    .replace("@SOURCE@", BenchDatabases.SOURCE).replace("@BATCH@", String.valueOf(batchSize))
                    .replace("@SOURCE_KEY@", identity ? "key: { column: id, authority: true }" : "")
                    .replace("@IDENTITY@", identity ? "identity: { match: [ { name: email, fields: [email] } ] }" : ""));
            return contract;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The connection variables the contract names, for the benchmark's databases and a target of {@code kind}. */
    static Map<String, String> environment(BenchDatabases databases, String kind) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("BENCH_SRC_JDBC_URL", databases.postgres.url());
        environment.put("BENCH_SRC_DB_USER", "postgres");
        Jdbc target = "mariadb".equals(kind) ? databases.mariadb : databases.postgres;
        environment.put("BENCH_DST_JDBC_URL", target.url());
        environment.put("BENCH_DST_DB_USER", target.user());
        return environment;
    }

    private static final String CONTRACT = """
            # Written by the benchmark harness (bench/): customers from PostgreSQL into an accounts table.
            accord: 1
            name: bench
            version: 1
            systems:
              src:
                kind: postgres
                connection:
                  url-env: BENCH_SRC_JDBC_URL
                  user-env: BENCH_SRC_DB_USER
                priority: 10
                timezone: UTC
                domains:
                  customer:
                    table: @SOURCE@
                    @SOURCE_KEY@
                    cursor: updated_at
                    fields:
                      customer_id: id
                      name: full_name
                      email: email
                      status:
                        column: status_code
                        values: { A: active, S: suspended, C: closed }
                      credit_limit: credit_eur
                      signup_date: signup_date
              dst:
                kind: @KIND@
                connection:
                  url-env: BENCH_DST_JDBC_URL
                  user-env: BENCH_DST_DB_USER
                priority: 5
                domains:
                  customer:
                    table: @TABLE@
                    version-column: row_version
                    fields:
                      customer_id: account_ref
                      name: display_name
                      email: contact_email
                      status:
                        column: state_code
                        values: { ACT: active, SUS: suspended, CLO: closed }
                      credit_limit:
                        column: credit_cents
                        factor: 0.01
                      signup_date: joined
            domains:
              customer:
                key: customer_id
                @IDENTITY@
                schema: { file: schemas/customer.schema.json, version: 1 }
                fields:
                  customer_id: { owner: src, required: true }
                  name: { owner: src, required: true }
                  email: { owner: src, required: true, pii: true }
                  status: { owner: src, allowed: [active, suspended, closed] }
                  credit_limit: { owner: src, unit: EUR }
                  signup_date: { owner: src }
            flows:
              bench:
                domain: customer
                source: src
                targets: [dst]
                mode: continuous
                poll-interval: 200ms
                batch-size: @BATCH@
            """;

    private static final String SCHEMA = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "title": "Customer (benchmark)",
              "type": "object",
              "properties": {
                "customer_id": { "type": "string", "pattern": "^C[0-9]{7}$" },
                "name": { "type": "string", "minLength": 1, "maxLength": 200 },
                "email": { "type": "string", "format": "email", "maxLength": 254 },
                "status": { "type": "string", "enum": ["active", "suspended", "closed"] },
                "credit_limit": { "type": ["number", "null"], "minimum": 0 },
                "signup_date": { "type": ["string", "null"], "format": "date" }
              },
              "required": ["customer_id", "name", "email"],
              "additionalProperties": false
            }
            """;
}
