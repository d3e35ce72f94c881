package dev.accord.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.accord.workflows.activities.BackfillPageResult;
import dev.accord.workflows.activities.RecordException;
import dev.accord.workflows.backfill.BackfillInput;
import dev.accord.workflows.runs.AccordSearchAttributes;
import dev.accord.workflows.runs.WorkflowStarts;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.common.SearchAttributes;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backfill over a source with invalid rows, started as the CLI starts one, read back from Temporal as an operator
 * would: the chunk's history names every quarantined key with its reason code (and no bad value), and the runs carry
 * Accord's search attributes, memo and summaries. H2 systems through the real activities.
 */
class BackfillHistoryIT {

    private static final String ID = "backfill/" + BadRecordsHarness.FLOW + "/history";

    @TempDir
    Path dir;
    private final BadRecordSystems systems = new BadRecordSystems("h2", "h2");
    private BadRecordsHarness harness;

    @AfterEach
    void close() {
        if (harness != null) {
            harness.close();
        }
        systems.close();
    }

    @Test
    void theChunksHistoryListsEveryQuarantinedKeyWithItsReason() {
        systems.insert(BadRecordsSuite.rows(row -> {
            if (BadRecordsSuite.FIRST_LAST_ALONE.contains(row.get("id"))) {
                row.put("email", row.get("id").toString().toLowerCase() + "\u200b@example.com");
            }
            if ("I07".equals(row.get("id"))) {
                row.put("qty", 3_000_000_000L);
            }
        }));
        harness = new BadRecordsHarness(systems, dir, null, BadRecordsSuite.LIMITS);

        harness.labelledBackfill(ID);

        List<RecordException> exceptions = pageResults(ID + "/chunk-1").stream()
                .flatMap(page -> page.exceptions().listed().stream()).toList();
        assertThat(exceptions).filteredOn(e -> e.system() == null)
                .extracting(RecordException::key, RecordException::decision, RecordException::reason)
                .containsExactlyInAnyOrder(
                        tuple("I01", "quarantined", "FORMAT_CHARACTER at $.email"),
                        tuple("I05", "quarantined", "FORMAT_CHARACTER at $.email"),
                        tuple("I11", "quarantined", "FORMAT_CHARACTER at $.email"));
        assertThat(exceptions).filteredOn(e -> e.system() != null)
                .extracting(RecordException::key, RecordException::decision, RecordException::system, RecordException::reason)
                .containsExactly(tuple("I07", "quarantined", "dst", "VALUE_OUT_OF_RANGE at $.qty"));
        assertThat(exceptions).allSatisfy(e -> assertThat(e.reason()).doesNotContain("example.com").doesNotContain("3000000000"));
    }

    @Test
    void theBackfillAndItsChunkCanBeFoundByFlowKindContractAndState() {
        systems.insert(BadRecordsSuite.rows(row -> { }));
        harness = new BadRecordsHarness(systems, dir, null, BadRecordsSuite.LIMITS);

        harness.labelledBackfill(ID);

        WorkflowExecutionDescription backfill = harness.client().newUntypedWorkflowStub(ID).describe();
        SearchAttributes attributes = backfill.getTypedSearchAttributes();
        assertThat(attributes.get(AccordSearchAttributes.FLOW)).isEqualTo(BadRecordsHarness.FLOW);
        assertThat(attributes.get(AccordSearchAttributes.RUN_KIND)).isEqualTo("backfill");
        assertThat(attributes.get(AccordSearchAttributes.DRY_RUN)).isFalse();
        assertThat(attributes.get(AccordSearchAttributes.STATE)).isEqualTo("finished");
        assertThat(attributes.get(AccordSearchAttributes.CONTRACT_HASH)).isNotBlank();
        assertThat(backfill.getStaticSummary()).isEqualTo("backfill " + BadRecordsHarness.FLOW + " keys (first .. last]");
        assertThat(((BackfillInput) backfill.getMemo(WorkflowStarts.MEMO_OPTIONS, BackfillInput.class)).flow()).isEqualTo(BadRecordsHarness.FLOW);
        SearchAttributes chunk = harness.client().newUntypedWorkflowStub(ID + "/chunk-1").describe().getTypedSearchAttributes();
        assertThat(chunk.get(AccordSearchAttributes.RUN_KIND)).isEqualTo("chunk");
        assertThat(chunk.get(AccordSearchAttributes.STATE)).isEqualTo("done");
    }

    /** The results of the chunk's RunPage activities, decoded as the worker's client decodes them. */
    private List<BackfillPageResult> pageResults(String workflowId) {
        WorkflowClient client = harness.client();
        WorkflowExecution execution = client.newUntypedWorkflowStub(workflowId).getExecution();
        List<HistoryEvent> events = client.fetchHistory(workflowId, execution.getRunId()).getEvents();
        Map<Long, String> types = new HashMap<>();
        events.stream().filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
                .forEach(e -> types.put(e.getEventId(), e.getActivityTaskScheduledEventAttributes().getActivityType().getName()));
        return events.stream()
                .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED)
                .filter(e -> "RunPage".equals(types.get(e.getActivityTaskCompletedEventAttributes().getScheduledEventId())))
                .map(e -> client.getOptions().getDataConverter().fromPayloads(0,
                        Optional.of(e.getActivityTaskCompletedEventAttributes().getResult()), BackfillPageResult.class, BackfillPageResult.class))
                .toList();
    }
}
