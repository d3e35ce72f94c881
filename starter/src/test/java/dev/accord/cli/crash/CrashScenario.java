package dev.accord.cli.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.cli.crash.CrashContract.Account;
import dev.accord.cli.crash.CrashContract.SourceCustomer;
import dev.accord.cli.crash.CrashSystems.Stored;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;

/**
 * What the crash tests share: the target as seeded before a backfill, the writes the contract calls for, the
 * checks of the target afterwards, and the plumbing of processes (a private copy of the jar, a free port).
 */
final class CrashScenario {

    static final int EXTRA_TARGET_ROWS = 2_000;

    private CrashScenario() {}

    /**
     * The target before the backfill: every 10th customer with stale values (version 3); one in ten already
     * exactly as the contract maps it (must stay unwritten); one in ten right but for its credit (only the
     * credit changes); for customers the contract quarantines, stale rows that must stay as they are; and
     * accounts the source does not have at all.
     */
    static TreeMap<String, Stored> targetBefore(List<SourceCustomer> source, Map<String, Account> expected) {
        TreeMap<String, Stored> rows = new TreeMap<>();
        for (SourceCustomer row : source) {
            int i = Integer.parseInt(row.id().substring(1));
            Account want = expected.get(row.id());
            Account stale = new Account("Old Name " + i, "old" + i + "@example.org", "CLO", 999L, "2019-01-01", "legacy");
            if (i % 10 == 0 || (want == null && (i % 10 == 5 || i % 10 == 7))) {
                rows.put(row.id(), new Stored(stale, 3));
            } else if (i % 10 == 5) {
                rows.put(row.id(), new Stored(want.withNotes("already in sync"), 1));
            } else if (i % 10 == 7) {
                Long credit = want.creditCents() == null ? 4242L : want.creditCents() + 1;
                rows.put(row.id(), new Stored(want.withCredit(credit).withNotes("credit differs"), 2));
            }
        }
        for (int j = 1; j <= EXTRA_TARGET_ROWS; j++) {
            rows.put(String.format("D%06d", j), new Stored(new Account("Extra " + j, "extra" + j + "@example.net", "SUS", j * 100L,
                    "2021-02-03", "not in the source"), 1));
        }
        return rows;
    }

    /** Key → insert or update: the target rows the backfill has to write. */
    static Map<String, String> changes(Map<String, Account> expected, Map<String, Stored> before) {
        Map<String, String> changes = new TreeMap<>();
        expected.forEach((key, want) -> {
            Stored was = before.get(key);
            if (was == null) {
                changes.put(key, "insert");
            } else if (!want.sameMappedValues(was.account())) {
                changes.put(key, "update");
            }
        });
        return changes;
    }

    /** Rows that are not what the contract says: valid customers mapped, everything else untouched, each change once. */
    static List<String> targetMismatches(Map<String, Account> expected, Map<String, Stored> before, Map<String, Stored> after,
                                                 Map<String, String> changes) {
        List<String> wrong = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(expected.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            Stored was = before.get(key);
            Stored is = after.get(key);
            Account want = expected.get(key);
            if (want == null) {
                if (!Objects.equals(was, is)) {
                    wrong.add(key + ": not a valid source record, must stay " + was + " but is " + is);
                }
                continue;
            }
            Account wanted = want.withNotes(was == null ? null : was.account().notes());
            long version = changes.containsKey(key) ? (was == null ? 1 : was.version() + 1) : was.version();
            if (is == null || !is.account().equals(wanted)) {
                wrong.add(key + ": expected " + wanted + " but is " + is);
            } else if (is.version() != version) {
                wrong.add(key + ": expected version " + version + " (" + changes.getOrDefault(key, "no write") + ") but is " + is.version());
            }
        }
        return wrong.size() > 30 ? List.of(wrong.size() + " rows, first: " + String.join("\n", wrong.subList(0, 30))) : wrong;
    }

    static List<String> rowsThatDiffer(Map<String, Stored> before, Map<String, Stored> now) {
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(now.keySet());
        List<String> differ = keys.stream().filter(k -> !Objects.equals(account(before.get(k)), account(now.get(k))))
                .map(k -> k + ": before " + account(before.get(k)) + ", now " + account(now.get(k))).collect(Collectors.toList());
        return differ.size() > 30 ? List.of(differ.size() + " rows, first: " + String.join("\n", differ.subList(0, 30))) : differ;
    }

    static Account account(Stored stored) {
        return stored == null ? null : stored.account();
    }

    /** A private copy of the jar, checked to be a complete archive. */
    static Path copyOf(Path jar, Path dir) throws IOException {
        Path copy = dir.resolve("accord.jar");
        Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
        try (ZipFile zip = new ZipFile(copy.toFile())) {
            assertThat(zip.getEntry("META-INF/MANIFEST.MF")).as("manifest of %s", copy).isNotNull();
        }
        return copy;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * The change log of a run after it: exactly one {@code applied} entry per change the contract called for (key and
     * operation as expected), nothing {@code pending}, and anything else only {@code superseded} (logged ahead by an
     * attempt killed or stalled before its write, while another attempt's write landed) or {@code conflict}. Also no
     * entry logged by a superseded attempt after its replacement took the lease. Returns the entries by status.
     */
    static Map<String, Long> checkChangeLog(Jdbc store, String runId, Map<String, String> changes) {
        Map<String, Long> statuses = statuses(store, runId);
        assertThat(statuses).as("change-log entries of the run by status").containsEntry("applied", (long) changes.size())
                .doesNotContainKey("pending");
        assertThat(statuses.keySet()).as("statuses").isSubsetOf("applied", "superseded", "conflict");
        assertThat(store.query("select record_key, count(*) from change_log where run_id = ? and status = 'applied' group by record_key"
                + " having count(*) > 1", r -> r.getString(1) + " × " + r.getLong(2), runId)).as("keys with more than one applied entry")
                .isEmpty();
        Map<String, String> logged = new TreeMap<>();
        store.query("select record_key, operation, target_system from change_log where run_id = ? and status = 'applied'",
                r -> logged.put(r.getString(1), r.getString(2) + (r.getString(3).equals("dst") ? "" : " to " + r.getString(3))), runId);
        assertThat(logged).as("applied change-log entries, key → operation").isEqualTo(changes);
        assertThat(lateEntries(store, runId)).as("entries a superseded attempt logged after its replacement took over").isEmpty();
        return statuses;
    }

    /** Entries of the run logged by an attempt older than its activity's lease, after that lease was taken. */
    static List<String> lateEntries(Jdbc store, String runId) {
        return store.query("select c.id, c.record_key, c.attempt_token, l.token from change_log c join attempt_lease l on l.scope = c.attempt_scope"
                + " where c.run_id = ? and c.attempt_token < l.token and c.created_at > l.acquired_at",
                r -> "entry " + r.getLong(1) + " of " + r.getString(2) + " by attempt " + r.getLong(3) + " (lease at " + r.getLong(4) + ")",
                runId);
    }

    static Map<String, Long> statuses(Jdbc store, String runId) {
        Map<String, Long> statuses = new java.util.LinkedHashMap<>();
        store.query("select status, count(*) from change_log where run_id = ? group by status order by status",
                r -> statuses.put(r.getString(1), r.getLong(2)), runId);
        return statuses;
    }
}
