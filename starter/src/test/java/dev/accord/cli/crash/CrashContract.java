package dev.accord.cli.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The crash test's contract: one flow {@code src-to-dst} from a PostgreSQL CRM table to a MariaDB
 * accounts table with its own column names, its own status spellings and credit in cents, and the same
 * rules restated independently of Accord's code (after docs/contract.md), so the test can say what each
 * source row must become in the target.
 */
final class CrashContract {

    static final String FLOW = "src-to-dst";

    /** Source spellings of the status (matched exactly, then ignoring case) and the target's. */
    private static final Map<String, String> SOURCE_STATUS = Map.of("A", "active", "S", "suspended", "C", "closed");
    private static final Map<String, String> TARGET_STATUS = Map.of("active", "ACT", "suspended", "SUS", "closed", "CLO");
    /** canonical credit (EUR) = local × factor: the target keeps cents. */
    private static final BigDecimal CENTS = new BigDecimal("0.01");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}$");

    private CrashContract() {}

    /** A row of the source table, as stored. */
    record SourceCustomer(String id, String fullName, String email, String statusCode, BigDecimal creditEur, String signupDate) {}

    /** A row of the target table without its key and version column. */
    record Account(String name, String email, String state, Long creditCents, String joined, String notes) {

        /** Whether the contract's fields agree ({@code notes} is not mapped: Accord never touches it). */
        boolean sameMappedValues(Account other) {
            return other != null && java.util.Objects.equals(name, other.name) && java.util.Objects.equals(email, other.email)
                    && java.util.Objects.equals(state, other.state) && java.util.Objects.equals(creditCents, other.creditCents)
                    && java.util.Objects.equals(joined, other.joined);
        }

        Account withNotes(String newNotes) {
            return new Account(name, email, state, creditCents, joined, newNotes);
        }

        Account withCredit(Long cents) {
            return new Account(name, email, state, cents, joined, notes);
        }
    }

    /**
     * What the source row must become in the target, or empty when the boundary must quarantine it (an
     * invalid e-mail, a status spelling the mapping does not know, a name that is blank once trimmed).
     * Text is NFC-normalised and trimmed; the status goes source spelling → canonical → target spelling;
     * credit goes euros → cents (÷ 0.01); the date is copied.
     */
    static Optional<Account> target(SourceCustomer row) {
        String name = text(row.fullName());
        String email = text(row.email());
        String status = row.statusCode() == null ? null : canonicalStatus(row.statusCode().strip());
        boolean valid = name != null && name.length() <= 200 && email != null && EMAIL.matcher(email).matches()
                && (row.statusCode() == null || status != null)
                && (row.creditEur() == null || row.creditEur().signum() >= 0);
        if (!valid) {
            return Optional.empty();
        }
        Long cents = row.creditEur() == null ? null : row.creditEur().divide(CENTS).longValueExact();
        return Optional.of(new Account(name, email, status == null ? null : TARGET_STATUS.get(status), cents, row.signupDate(), null));
    }

    private static String canonicalStatus(String code) {
        String exact = SOURCE_STATUS.get(code);
        return exact != null ? exact : SOURCE_STATUS.get(code.toUpperCase(Locale.ROOT));
    }

    private static String text(String raw) {
        if (raw == null) {
            return null;
        }
        String normalised = Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
        return normalised.isEmpty() ? null : normalised;
    }

    /** Writes the contract and its schema into {@code dir}; returns the contract file. */
    static Path write(Path dir, String sourceTable, String targetTable) {
        return write(dir, sourceTable, targetTable, Duration.ofSeconds(30));
    }

    /** @param pollInterval how long a continuous sync waits on its timer once it has caught up */
    static Path write(Path dir, String sourceTable, String targetTable, Duration pollInterval) {
        try {
            Files.createDirectories(dir.resolve("schemas"));
            Files.writeString(dir.resolve("schemas/customer.schema.json"), SCHEMA);
            Path contract = dir.resolve("crash.contract.yaml");
            Files.writeString(contract, CONTRACT.replace("@SOURCE_TABLE@", sourceTable).replace("@TARGET_TABLE@", targetTable)
                    .replace("@POLL_SECONDS@", String.valueOf(pollInterval.toSeconds())));
            return contract;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String CONTRACT = """
            # Written by BackfillCrashIT: a CRM table on PostgreSQL reloaded into a MariaDB accounts table.
            accord: 1
            name: crash-test
            version: 1
            systems:
              src:
                kind: postgres
                connection:
                  url-env: CRASH_SRC_JDBC_URL
                  user-env: CRASH_SRC_DB_USER
                priority: 10
                timezone: Europe/Berlin
                domains:
                  customer:
                    table: @SOURCE_TABLE@
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
                kind: mariadb
                connection:
                  url-env: CRASH_DST_JDBC_URL
                  user-env: CRASH_DST_DB_USER
                priority: 5
                domains:
                  customer:
                    table: @TARGET_TABLE@
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
                schema: { file: schemas/customer.schema.json, version: 1 }
                fields:
                  customer_id: { owner: src, required: true }
                  name: { owner: src, required: true }
                  email: { owner: src, required: true, pii: true }
                  status: { owner: src, allowed: [active, suspended, closed] }
                  credit_limit: { owner: src, unit: EUR }
                  signup_date: { owner: src }
            flows:
              src-to-dst:
                domain: customer
                source: src
                targets: [dst]
                batch-size: 500
                poll-interval: @POLL_SECONDS@s
            """;

    private static final String SCHEMA = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "title": "Customer (crash test)",
              "type": "object",
              "properties": {
                "customer_id": { "type": "string", "pattern": "^C[0-9]{6}$" },
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
