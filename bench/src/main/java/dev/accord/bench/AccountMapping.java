package dev.accord.bench;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The benchmark contract's mapping restated by hand, as the baselines apply it: what a team writing its own
 * job would code. Text NFC-normalised and trimmed, status spelling to the target's, euros to cents. No
 * validation, no golden record, no log.
 */
final class AccountMapping {

    /** The source query every Java baseline reads. */
    static final String SELECT_SOURCE = "select id, full_name, email, status_code, credit_eur, signup_date from "
            + BenchDatabases.SOURCE;

    /** Insert, or update a row that is there; the version moves on as compare-and-set writers expect. */
    static String upsert(String table) {
        return "insert into " + table + " (account_ref, display_name, contact_email, state_code, credit_cents, joined, row_version)"
                + " values (?, ?, ?, ?, ?, ?, 1) on conflict (account_ref) do update set display_name = excluded.display_name,"
                + " contact_email = excluded.contact_email, state_code = excluded.state_code, credit_cents = excluded.credit_cents,"
                + " joined = excluded.joined, row_version = " + table + ".row_version + 1";
    }

    /** The same mapping in SQL, for COPY: the source query whose output is the target's rows. */
    static final String COPY_SOURCE = "select id, btrim(normalize(full_name, NFC)), btrim(normalize(email, NFC)),"
            + " case upper(status_code) when 'A' then 'ACT' when 'S' then 'SUS' when 'C' then 'CLO' end,"
            + " (credit_eur * 100)::bigint, signup_date, null, 1 from " + BenchDatabases.SOURCE;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private AccountMapping() {}

    /** One target row. */
    record Account(String ref, String name, String email, String state, Long creditCents, Date joined) {

        void bind(PreparedStatement statement) throws SQLException {
            statement.setString(1, ref);
            statement.setString(2, name);
            statement.setString(3, email);
            statement.setString(4, state);
            statement.setObject(5, creditCents);
            statement.setDate(6, joined);
        }
    }

    static Account map(ResultSet row) throws SQLException {
        BigDecimal credit = row.getBigDecimal(5);
        return new Account(row.getString(1), text(row.getString(2)), text(row.getString(3)), state(row.getString(4)),
                credit == null ? null : credit.multiply(HUNDRED).longValueExact(), row.getDate(6));
    }

    static String state(String code) {
        if (code == null) {
            return null;
        }
        return switch (code.strip().toUpperCase(Locale.ROOT)) {
            case "A" -> "ACT";
            case "S" -> "SUS";
            case "C" -> "CLO";
            default -> null;
        };
    }

    static String text(String raw) {
        if (raw == null) {
            return null;
        }
        String normalised = Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
        return normalised.isEmpty() ? null : normalised;
    }
}
