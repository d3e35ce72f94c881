package dev.accord.worker;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.accord.workflows.sync.SyncResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * No value of a {@code pii: true} field (the suite's names and e-mails) appears in the worker's log of a run that
 * fails in every way a database lets it: a UNIQUE index refusing a duplicate address (PostgreSQL quotes it in its
 * {@code Detail:}, MariaDB in its message), a CHECK constraint (PostgreSQL's {@code Failing row contains (…)}), a
 * trigger whose error quotes the row's name and address and fails its attempts until the row is isolated, and text
 * the target cannot store. Everything logged at INFO and above is captured — messages, and every message and frame of
 * the exceptions attached — with the levels the worker's application.yaml sets for the noisy drivers.
 */
class PiiLogIT {

    private static final List<String> NAMES = List.of("Ada Lovelace", "Grace Hopper", "Edsger Dijkstra", "Barbara Liskov",
            "Donald Knuth", "Margaret Hamilton", "Alan Turing", "Frances Allen", "John Backus", "Leslie Lamport", "Niklaus Wirth");

    @TempDir
    Path dir;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private Level rootLevel;

    @BeforeEach
    void capture() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        root.setLevel(Level.INFO);
        log.setContext(context);
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void release() {
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(log);
        root.setLevel(rootLevel);
    }

    @Test
    void aPostgreSqlRunThatFailsInEveryWayLogsNoPersonalData() {
        failingRun("postgres", systems -> systems.target.db.execute(
                "create function " + systems.id + ".refuse() returns trigger language plpgsql as $$ begin"
                        + " if new.qty = 7 then raise exception 'refusing % with address %', quote_literal(new.name), quote_literal(new.email);"
                        + " end if; return new; end $$",
                "create trigger dst_refuse before insert or update on " + systems.target.table + " for each row execute function "
                        + systems.id + ".refuse()"));
    }

    @Test
    void aMariaDbRunThatFailsInEveryWayLogsNoPersonalData() {
        failingRun("mariadb", systems -> systems.target.db.execute("create trigger " + systems.id + ".dst_refuse before insert on "
                + systems.target.table + " for each row begin declare refusal varchar(500); if new.qty = 7 then"
                + " set refusal = concat('refusing ''', new.name, ''' with address ''', new.email, '''');"
                + " signal sqlstate '45000' set message_text = refusal; end if; end"));
    }

    private void failingRun(String kind, java.util.function.Consumer<BadRecordSystems> trigger) {
        try (BadRecordSystems systems = new BadRecordSystems(kind, kind)) {
            systems.target.db.execute("create unique index dst_email_unique on " + systems.target.table + " (email)",
                    "alter table " + systems.target.table + " add constraint dst_qty_not_negative check (qty >= 0)");
            trigger.accept(systems);
            List<Map<String, Object>> rows = BadRecordsSuite.rows(row -> {
                int i = Integer.parseInt(row.get("id").toString().substring(1));
                row.put("name", NAMES.get(i - 1));
                row.put("email", email(i));
                row.put("qty", i == 3 ? -1L : (long) i);
            });
            rows.get(4).put("email", email(1));
            systems.insert(rows);
            try (BadRecordsHarness harness = new BadRecordsHarness(systems, dir, null, BadRecordsSuite.LIMITS)) {
                SyncResult result = harness.sync();

                assertThat(result.state()).isEqualTo("finished");
                assertThat(harness.quarantine()).extracting(q -> q.get("reason_code"))
                        .contains("TARGET_REJECTED", "PROCESSING_FAILED");
            }
        }
        String everything = logged();
        assertThat(everything).as("the run logged its failures").contains("refusing");
        for (int i = 1; i <= NAMES.size(); i++) {
            assertThat(everything).as("no name").doesNotContain(NAMES.get(i - 1));
            assertThat(everything).as("no address").doesNotContain(email(i)).doesNotContain(email(i).substring(0, email(i).indexOf('@')));
        }
    }

    private static String email(int i) {
        return NAMES.get(i - 1).toLowerCase().replace(' ', '.') + "@example.com";
    }

    /** Every captured line: the formatted message and each exception's class, message and frames, causes included. */
    private String logged() {
        StringBuilder text = new StringBuilder();
        for (ILoggingEvent event : new ArrayList<>(log.list)) {
            text.append(event.getLoggerName()).append(' ').append(event.getFormattedMessage()).append('\n');
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                text.append(t.getClassName()).append(": ").append(t.getMessage()).append('\n');
                for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
                    text.append(frame.getSTEAsString()).append('\n');
                }
                for (IThrowableProxy suppressed : t.getSuppressed()) {
                    text.append(suppressed.getClassName()).append(": ").append(suppressed.getMessage()).append('\n');
                }
            }
        }
        return text.toString();
    }
}
