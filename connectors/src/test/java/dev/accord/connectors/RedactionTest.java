package dev.accord.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** What databases and APIs say when they refuse a value, with the value taken out and the explanation kept. */
class RedactionTest {

    @Test
    void postgresDetailLinesAndFailingRowsGo() {
        String message = "ERROR: duplicate key value violates unique constraint \"dst_email_unique\"\n"
                + "  Detail: Key (email)=(ada@example.com) already exists.";
        assertThat(Redaction.message(message)).isEqualTo("ERROR: duplicate key value violates unique constraint \"dst_email_unique\"");
        assertThat(Redaction.message("ERROR: new row for relation \"t\" violates check constraint \"c\"\n  Detail: Failing row contains (I01, Ada, -1)."))
                .doesNotContain("Ada").contains("check constraint \"c\"");
        assertThat(Redaction.message("ERROR: invalid input syntax for type integer: \"forty two\"")).isEqualTo(
                "ERROR: invalid input syntax for type integer: \"…\"");
        assertThat(Redaction.message("Key (email)=(ada@example.com) already exists")).isEqualTo("Key (email)=(…) already exists");
    }

    @Test
    void mariaDbAndH2QuotedValuesGo() {
        assertThat(Redaction.message("(conn=12) Duplicate entry 'ada@example.com' for key 'dst_email_unique'"))
                .isEqualTo("(conn=12) Duplicate entry '…' for key '…'");
        assertThat(Redaction.message("Incorrect string value: '\\xF0\\x9F\\x98\\x80' for column `db`.`t`.`code` at row 1"))
                .isEqualTo("Incorrect string value: '…' for column `db`.`t`.`code` at row 1");
        assertThat(Redaction.message("Unique index or primary key violation: \"PUBLIC.IDX ON PUBLIC.T(EMAIL) VALUES ( /* 2 */ 'ada@example.com' )\";"
                + " SQL statement:\nINSERT INTO t VALUES (?, ?)")).doesNotContain("ada").doesNotContain("INSERT");
    }

    @Test
    void anApisExplanationStaysWithoutTheValuesItQuotes() {
        assertThat(Redaction.message("{\"error\":{\"status\":422,\"message\":\"email 'ada@intranet' is not a valid address\"}}"))
                .isEqualTo("{\"error\":{\"status\":422,\"message\":\"email '…' is not a valid address\"}}");
        assertThat(Redaction.message("{\"email\":\"ada@example.com\",\"name\":\"Ada Lovelace\"}"))
                .isEqualTo("{\"email\":\"…\",\"name\":\"…\"}");
        assertThat(Redaction.message("{\"detail\":\"the name \\\"Ada Lovelace\\\" is taken\"}")).doesNotContain("Lovelace");
    }

    @Test
    void aLooseAddressAnywhereGoesAndLongMessagesAreCut() {
        assertThat(Redaction.message("could not deliver to ada.lovelace@example.co.uk today")).isEqualTo("could not deliver to …@… today");
        assertThat(Redaction.message("x".repeat(1000))).hasSize(Redaction.MAX_LENGTH + 1);
    }

    @Test
    void aRedactedSqlExceptionKeepsItsStateAndCodeButNotItsCauses() {
        SQLException original = new SQLException("Duplicate entry 'ada@example.com' for key 'PRIMARY'", "23000", 1062,
                new IllegalStateException("ada@example.com"));
        original.setNextException(new SQLException("ada@example.com"));

        SQLException redacted = Redaction.sqlException(original);

        assertThat(redacted.getSQLState()).isEqualTo("23000");
        assertThat(redacted.getErrorCode()).isEqualTo(1062);
        assertThat(redacted.getMessage()).doesNotContain("ada");
        assertThat(redacted.getCause()).isNull();
        assertThat((Object) redacted.getNextException()).isNull();
    }
}
