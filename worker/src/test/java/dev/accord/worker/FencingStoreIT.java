package dev.accord.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.store.AccordStore;
import dev.accord.store.ChangeLog;
import dev.accord.store.Fence;
import dev.accord.store.SupersededAttemptException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fencing in the store (docs/architecture.md#fencing), on PostgreSQL and H2: an activity attempt that a newer one
 * superseded commits nothing, whether it wakes before its next transaction or in the middle of one, and says so
 * in {@code fenced_attempt}; the change log keeps the entry a stalled attempt logged ahead, and settling decides
 * which single entry stands for what the target holds.
 */
class FencingStoreIT {

    private static final String SCOPE = "backfill/f/1|run-1|activity-7";

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "h2"})
    void aSupersededAttemptCommitsNothingAndIsRecorded(String database) {
        try (TestStore test = TestStore.on(database, "fence")) {
            AccordStore store = test.store;
            Fence first = new Fence(SCOPE, 1, "worker-a/1");
            Fence second = new Fence(SCOPE, 2, "worker-b/2");

            store.fenced(first, () -> killSwitch(store, "first"));
            store.fenced(second, () -> killSwitch(store, "second"));

            assertThatThrownBy(() -> store.fenced(first, () -> killSwitch(store, "first, awake again")))
                    .isInstanceOf(SupersededAttemptException.class).hasMessageContaining("superseded by attempt 2");
            assertThat(store.inTransaction(c -> store.killSwitch().state(c)).reason()).isEqualTo("second");
            assertThat(test.rows("select token, current_token, holder, what from fenced_attempt")).singleElement().satisfies(row -> {
                assertThat(((Number) row.get("token")).longValue()).isEqualTo(1);
                assertThat(((Number) row.get("current_token")).longValue()).isEqualTo(2);
                assertThat(row.get("holder")).isEqualTo("worker-a/1");
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "h2"})
    void anAttemptSupersededWhileItsTransactionIsOpenHasTheTransactionRolledBack(String database) throws Exception {
        try (TestStore test = TestStore.on(database, "fence")) {
            AccordStore store = test.store;
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch resume = new CountDownLatch(1);
            CompletableFuture<Object> stalled = CompletableFuture.supplyAsync(() -> store.fenced(new Fence(SCOPE, 1, "a"), () ->
                    store.inTransaction(c -> {
                        store.killSwitch().set(c, true, "written by the stalled attempt", "a");
                        inside.countDown();
                        await(resume);
                        return null;
                    })));
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

            Fence replacement = new Fence(SCOPE, 2, "b");
            store.fenced(replacement, () -> null);
            resume.countDown();

            assertThatThrownBy(() -> stalled.get(20, TimeUnit.SECONDS)).hasCauseInstanceOf(SupersededAttemptException.class);
            store.fenced(replacement, () -> killSwitch(store, "written by the replacement"));
            assertThat(store.inTransaction(c -> store.killSwitch().state(c)).reason()).isEqualTo("written by the replacement");
            assertThat(test.count("fenced_attempt")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "h2"})
    void aSupersededAttemptIsRefusedBeforeItWritesToASystem(String database) {
        try (TestStore test = TestStore.on(database, "fence")) {
            AccordStore store = test.store;
            Fence first = new Fence(SCOPE, 1, "a");
            store.fenced(first, () -> {
                store.fenced(new Fence(SCOPE, 2, "b"), () -> null);
                assertThatThrownBy(() -> store.checkFence("writing to dst")).isInstanceOf(SupersededAttemptException.class);
                return null;
            });
            assertThat(test.rows("select what from fenced_attempt")).extracting(r -> r.get("what")).containsExactly("writing to dst");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "h2"})
    void theEntryOfTheWriteThatLandedStandsAloneWhicheverAttemptWroteIt(String database) {
        try (TestStore test = TestStore.on(database, "fence")) {
            AccordStore store = test.store;
            long stale = logAhead(store, new Fence(SCOPE, 1, "a"), "K1", "K2");
            long stale2 = stale + 1;
            long[] replacement = new long[2];
            store.fenced(new Fence(SCOPE, 2, "b"), () -> {
                List<Long> ids = store.inTransaction(c -> store.changeLog().writeAhead(c, List.of(entry("K1"))));
                replacement[0] = ids.get(0);
                store.inTransaction(c -> {
                    store.changeLog().settle(c, List.of(new ChangeLog.Settlement(ids.get(0), ChangeLog.APPLIED, 4L, null)), "run-1", "dst",
                            "customer", Map.of(ids.get(0), "K1"));
                    store.changeLog().settleLanded(c, "run-1", "dst", "customer", Map.of("K2", 7L), "the write had landed before a retry");
                    return null;
                });
                return null;
            });

            Map<String, Map<String, Object>> byId = test.db.rowsByKey("select id, record_key, status, after_version, attempt_token"
                    + " from change_log order by id");
            assertThat(byId.get(String.valueOf(stale))).containsEntry("record_key", "K1").containsEntry("status", "superseded");
            assertThat(byId.get(String.valueOf(replacement[0]))).containsEntry("status", "applied");
            assertThat(byId.get(String.valueOf(stale2))).containsEntry("record_key", "K2").containsEntry("status", "applied");
            assertThat(((Number) byId.get(String.valueOf(stale2)).get("after_version")).longValue()).isEqualTo(7L);
            assertThat(((Number) byId.get(String.valueOf(stale)).get("attempt_token")).longValue()).isEqualTo(1L);
            assertThat(test.count("change_log", "status = 'applied'")).as("one applied entry per row written").isEqualTo(2);
        }
    }

    private static long logAhead(AccordStore store, Fence fence, String... keys) {
        return store.fenced(fence, () -> store.inTransaction(c -> store.changeLog().writeAhead(c,
                java.util.Arrays.stream(keys).map(FencingStoreIT::entry).toList())).get(0));
    }

    private static ChangeLog.Entry entry(String key) {
        return ChangeLog.Entry.builder().flow("crm-customers").workflowId("backfill/f/1").runId("run-1")
                .executionRunId("exec-1").page(1).target("dst").domain("customer").key(key)
                .operation("insert").afterJson("{\"email\":\"a@b.c\"}").status(ChangeLog.PENDING)
                .build();
    }

    private static Object killSwitch(AccordStore store, String reason) {
        return store.inTransaction(c -> {
            store.killSwitch().set(c, false, reason, "test");
            return null;
        });
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
