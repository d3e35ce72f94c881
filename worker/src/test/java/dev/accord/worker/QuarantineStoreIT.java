package dev.accord.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.store.AccordStore;
import dev.accord.store.ApiAudit;
import dev.accord.store.Backlogs;
import dev.accord.store.FieldHistory;
import dev.accord.store.QuarantineActions;
import dev.accord.store.QuarantineFilter;
import dev.accord.store.QuarantineLog;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The store records whatever it is handed, on PostgreSQL and on H2: a quarantine entry with a 10,000-character
 * key, path and message (twice: the second time is a sighting of the same entry, not a failure), a field
 * decision of such a key, and an API request with an odd method and a long path. And the quarantine's life:
 * open, replayed, open again when the record fails again, discarded for good.
 */
class QuarantineStoreIT {

    private static final String KEY = "K".repeat(9_990) + "-0000001";
    private static final String PATH = "$." + "deeply.".repeat(1_428);
    private static final String MESSAGE = "value breaks the rule " + "x".repeat(9_978);

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "h2"})
    void aQuarantineEntryOfAnyLengthIsRecordedOnceAndReadBack(String database) {
        try (TestStore test = TestStore.on(database, "hq_long")) {
            AccordStore store = test.store;
            QuarantineLog.Entry entry = entry(KEY, "SCHEMA_CONSTRAINT", PATH, MESSAGE + "\0");

            store.inTransaction(c -> {
                store.quarantine().add(c, List.of(entry));
                return null;
            });
            store.inTransaction(c -> {
                store.quarantine().add(c, List.of(entry));
                return null;
            });

            List<QuarantineLog.Stored> stored = store.inTransaction(c -> store.quarantine().list(c,
                    new QuarantineFilter(null, null, null, KEY), 10));
            assertThat(stored).singleElement().satisfies(s -> {
                assertThat(s.entry().key()).isEqualTo(KEY);
                assertThat(s.entry().path()).hasSizeLessThanOrEqualTo(255).startsWith("$.deeply.").contains("…#");
                assertThat(s.entry().dedupKey()).hasSizeLessThanOrEqualTo(700).startsWith("crm|customer|1|KKK");
                assertThat(s.entry().message()).startsWith(MESSAGE).doesNotContain("\0");
                assertThat(s.seenCount()).isEqualTo(2);
                assertThat(s.state()).isEqualTo(QuarantineLog.OPEN);
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "h2"})
    void historyAndAuditTakeAnyLengthToo(String database) {
        try (TestStore test = TestStore.on(database, "hq_long")) {
            AccordStore store = test.store;
            FieldHistory.Entry decision = FieldHistory.Entry.builder().domain("customer").key(KEY).field("email").decision("applied")
                    .reason(MESSAGE).newValue("\"a@b.c\"").sourceSystem("crm").sourceVersion(1)
                    .sourceTime(Instant.now()).flow("crm-customers")
                    .workflowId("sync/crm-customers").runId("run-1").executionRunId("exec-1")
                    .page(1).contractHash("sha256:x").contractVersion("3").schemaVersion(3).build();
            String method = "X-" + "M".repeat(100);
            String path = "/api/" + "p".repeat(10_000);

            store.inTransaction(c -> {
                store.history().append(c, List.of(decision));
                store.apiAudit().record(c, new ApiAudit.Entry("vera", "viewer", method, path, 403, "q=" + "v".repeat(5_000), Instant.now()));
                return null;
            });

            List<FieldHistory.Entry> history = store.inTransaction(c -> store.history().forRecord(c, "customer", KEY, null));
            List<ApiAudit.Entry> audit = store.inTransaction(c -> store.apiAudit().recent(c, 1));
            assertThat(history).singleElement().satisfies(e -> assertThat(e.reason()).isEqualTo(MESSAGE));
            assertThat(audit).singleElement().satisfies(e -> {
                assertThat(e.path()).isEqualTo(path);
                assertThat(e.method()).hasSizeLessThanOrEqualTo(32).startsWith("X-MMM");
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "h2"})
    void aReplayedEntryThatFailsAgainIsOpenAgainAndADiscardedOneStaysDiscarded(String database) {
        try (TestStore test = TestStore.on(database, "hq_life")) {
            AccordStore store = test.store;
            QuarantineLog.Entry replayedOne = entry("C000001", "SCHEMA_CONSTRAINT", "$.email", "not an e-mail");
            QuarantineLog.Entry discardedOne = entry("C000002", "VALUE_NOT_ALLOWED", "$.status", "not allowed");
            add(store, replayedOne, discardedOne);
            long replayedId = id(store, "C000001");
            long discardedId = id(store, "C000002");

            store.inTransaction(c -> {
                store.quarantineActions().replayed(c, List.of(new QuarantineActions.ReplayMark(replayedId, true, "applied")), "otto",
                        "quarantine-replay/crm-customers/20260101T000000", "run-r");
                return store.quarantineActions().discard(c, List.of(discardedId, replayedId), "otto", "test data");
            });
            QuarantineLog.Stored replayed = find(store, replayedId);
            assertThat(replayed.state()).isEqualTo(QuarantineLog.REPLAYED);
            assertThat(replayed.actedBy()).isEqualTo("otto");
            assertThat(replayed.actedAt()).isNotNull();
            assertThat(replayed.replayRunId()).isEqualTo("run-r");
            assertThat(replayed.replayOutcome()).isEqualTo("applied");
            assertThat(find(store, discardedId).state()).isEqualTo(QuarantineLog.DISCARDED);
            assertThat(find(store, discardedId).note()).isEqualTo("test data");

            add(store, replayedOne, discardedOne);

            assertThat(find(store, replayedId).state()).isEqualTo(QuarantineLog.OPEN);
            assertThat(find(store, replayedId).seenCount()).isEqualTo(2);
            assertThat(find(store, replayedId).lastSeen()).isAfterOrEqualTo(find(store, replayedId).firstSeen());
            assertThat(find(store, discardedId).state()).isEqualTo(QuarantineLog.DISCARDED);
            assertThat(find(store, discardedId).seenCount()).isEqualTo(2);
            assertThat(test.count("quarantine")).isEqualTo(2);
            List<QuarantineLog.Count> open = store.inTransaction(c -> store.quarantine().counts(c,
                    new QuarantineFilter("crm-customers", null, "open", null)));
            List<Backlogs.Quarantined> backlog = store.inTransaction(c -> store.backlogs().quarantine(c));
            assertThat(open).singleElement().isEqualTo(new QuarantineLog.Count("crm-customers", "SCHEMA_CONSTRAINT", "open", 1));
            assertThat(backlog)
                    .extracting(q -> q.reasonCode() + "=" + q.open() + "/" + q.count())
                    .containsExactlyInAnyOrder("SCHEMA_CONSTRAINT=1/1", "VALUE_NOT_ALLOWED=0/1");
        }
    }

    private static QuarantineLog.Entry entry(String key, String reason, String path, String message) {
        return new QuarantineLog.Entry("crm-customers", "crm", "customer", key, "crm|customer|1|" + key, reason, path, message,
                "{\"id\":\"" + key + "\"}", "sync/crm-customers", "run-1", 1);
    }

    private static void add(AccordStore store, QuarantineLog.Entry... entries) {
        store.inTransaction(c -> {
            store.quarantine().add(c, List.of(entries));
            return null;
        });
    }

    private static long id(AccordStore store, String key) {
        return store.inTransaction(c -> store.quarantine().list(c, new QuarantineFilter(null, null, null, key), 1)).get(0).id();
    }

    private static QuarantineLog.Stored find(AccordStore store, long id) {
        return store.inTransaction(c -> store.quarantine().find(c, id)).orElseThrow();
    }
}
