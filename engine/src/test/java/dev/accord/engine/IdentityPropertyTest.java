package dev.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.connectors.SourceRow;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Any interleaving of creates, updates and syncs across three systems that keep their own ids and match people by
 * e-mail — with pages retried, replayed from the beginning and delivered in reverse order, and e-mails typed in another
 * case or with blanks — ends, once every flow has caught up, with exactly one golden record per person, one row per
 * person in every system, and every row's own id linked to its person's golden record.
 *
 * <p>A system's users create a person only where that system holds no row for them yet (as a unique e-mail column would
 * enforce); whether Accord or another system got there first is the interleaving.
 */
class IdentityPropertyTest {

    private static final String[] FLOWS = {"crm-people", "billing-people", "support-people"};
    private static final Map<String, String[]> TABLES = Map.of(
            "crm", new String[] {"crm_people", "id", "email", "full_name", "updated_at", "row_version"},
            "billing", new String[] {"billing_accounts", "account_ref", "contact_email", "holder", "modified_at", "version"},
            "support", new String[] {"support_contacts", "contact_id", "email", "display_name", "changed_at", "row_version"});

    private static IdentityFixture fixture;

    @BeforeContainer
    static void open() throws SQLException {
        fixture = new IdentityFixture();
    }

    @AfterContainer
    static void close() {
        fixture.close();
    }

    sealed interface Step {}

    /** The system's users create a row for the person (skipped when the system holds one already). */
    record Create(String system, int person, int spelling) implements Step {}

    /** The system's users rename the person (skipped when the system holds no row for them). */
    record Rename(String system, int person, String name) implements Step {}

    /** A flow syncs what changed since its last sync. */
    record Sync(String flow) implements Step {}

    /** A flow's source is read again from the beginning and run as one page, in reverse order (a replay, duplicates). */
    record Replay(String flow) implements Step {}

    @Property(tries = 1000)
    void everyPersonEndsAsOneGoldenRecordWithOneLinkedRowPerSystem(@ForAll("steps") List<Step> steps) throws SQLException {
        fixture.reset();
        int[] clock = {0};
        Set<Integer> people = new HashSet<>();
        for (Step step : steps) {
            if (step instanceof Create create) {
                if (row(create.system(), create.person()) == null) {
                    create(create.system(), create.person(), create.spelling(), ++clock[0]);
                    people.add(create.person());
                }
            } else if (step instanceof Rename rename) {
                String id = row(rename.system(), rename.person());
                if (id != null) {
                    rename(rename.system(), id, rename.name(), ++clock[0]);
                }
            } else if (step instanceof Sync sync) {
                fixture.sync(sync.flow());
            } else if (step instanceof Replay replay) {
                List<SourceRow> rows = new ArrayList<>(fixture.rows(replay.flow()));
                java.util.Collections.reverse(rows);
                fixture.runPage(fixture.contract.flow(replay.flow()), rows);
            }
        }
        for (int round = 0; round < 3; round++) {
            for (String flow : FLOWS) {
                fixture.sync(flow);
            }
        }

        assertThat(fixture.storeRows("select reason_code, message from quarantine")).as("quarantined").isEmpty();
        List<Map<String, Object>> golden = fixture.storeRows("select record_key from golden_record where deleted = false");
        assertThat(golden).as("golden records").hasSize(people.size());
        Map<Integer, String> canonicalOf = new HashMap<>();
        for (String system : TABLES.keySet()) {
            String[] t = TABLES.get(system);
            Map<String, Map<String, Object>> rows = fixture.table(system, t[0], t[1]);
            assertThat(rows).as("rows in %s", system).hasSize(people.size());
            Map<String, String> links = new HashMap<>();
            fixture.storeRows("select local_id, canonical_id from identity_link where system_name = '" + system + "'")
                    .forEach(l -> links.put((String) l.get("local_id"), (String) l.get("canonical_id")));
            for (Map.Entry<String, Map<String, Object>> row : rows.entrySet()) {
                int person = person((String) row.getValue().get(t[2]));
                assertThat(links).as("link of %s row %s", system, row.getKey()).containsKey(row.getKey());
                String expected = canonicalOf.computeIfAbsent(person, p -> links.get(row.getKey()));
                assertThat(links.get(row.getKey())).as("%s row %s is person %d's golden record", system, row.getKey(), person)
                        .isEqualTo(expected);
            }
            assertThat(links).as("links of %s", system).hasSize(rows.size());
        }
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<String> system = Arbitraries.of("crm", "billing", "support");
        Arbitrary<Integer> person = Arbitraries.integers().between(0, 3);
        Arbitrary<Step> create = Combinators.combine(system, person, Arbitraries.integers().between(0, 2)).as(Create::new);
        Arbitrary<Step> rename = Combinators.combine(system, person, Arbitraries.of("Ann", "Bea", "Cy", "Dee")).as(Rename::new);
        Arbitrary<Step> sync = Arbitraries.of(FLOWS).map(Sync::new);
        Arbitrary<Step> replay = Arbitraries.of(FLOWS).map(Replay::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, create), net.jqwik.api.Tuple.of(2, rename), net.jqwik.api.Tuple.of(4, sync),
                net.jqwik.api.Tuple.of(1, replay)).list().ofMinSize(1).ofMaxSize(14);
    }

    private static String email(int person, int spelling) {
        String email = "person" + person + "@example.com";
        return switch (spelling) {
            case 1 -> email.toUpperCase(Locale.ROOT);
            case 2 -> "  " + email + " ";
            default -> email;
        };
    }

    private static int person(String email) {
        String normal = email.strip().toLowerCase(Locale.ROOT);
        return Integer.parseInt(normal.substring("person".length(), normal.indexOf('@')));
    }

    /** The id of the system's row for the person, or null. */
    private static String row(String system, int person) throws SQLException {
        String[] t = TABLES.get(system);
        for (Map.Entry<String, Map<String, Object>> row : fixture.table(system, t[0], t[1]).entrySet()) {
            if (person((String) row.getValue().get(t[2])) == person) {
                return row.getKey();
            }
        }
        return null;
    }

    private static void create(String system, int person, int spelling, int tick) throws SQLException {
        String[] t = TABLES.get(system);
        String time = "timestamp '2030-01-01 00:00:00' + interval '" + tick + "' second";
        switch (system) {
            case "crm" -> fixture.execute("crm", "insert into crm_people (full_name, email, updated_at, row_version) values (?, ?, " + time + ", 1)",
                    "P" + person, email(person, spelling));
            default -> fixture.execute(system, "insert into " + t[0] + " (" + t[1] + ", " + t[3] + ", " + t[2] + ", " + t[4] + ", " + t[5] + ")"
                    + " values (?, ?, ?, " + time + ", 1)", system.substring(0, 1).toUpperCase(Locale.ROOT) + "-" + tick, "P" + person,
                    email(person, spelling));
        }
    }

    private static void rename(String system, String id, String name, int tick) throws SQLException {
        String[] t = TABLES.get(system);
        fixture.execute(system, "update " + t[0] + " set " + t[3] + " = ?, " + t[5] + " = " + t[5] + " + 1, " + t[4]
                + " = timestamp '2030-01-01 00:00:00' + interval '" + tick + "' second where " + t[1] + " = ?", name, id);
    }
}
