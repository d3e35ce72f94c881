package dev.accord.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The ids operators look runs up by in the Temporal UI and CLI, and the docs quote: they must not drift. */
class WorkflowIdsTest {

    private static final Instant NOON = Instant.parse("2026-12-02T12:00:05Z");

    @Test
    void eachKindOfRunHasTheIdTheDocsName() {
        assertThat(WorkflowIds.sync("crm-customers")).isEqualTo("sync/crm-customers");
        assertThat(WorkflowIds.backfill("crm-customers", NOON)).isEqualTo("backfill/crm-customers/20261202T120005");
        assertThat(WorkflowIds.chunk("backfill/crm-customers/20261202T120005", 3)).isEqualTo("backfill/crm-customers/20261202T120005/chunk-3");
        assertThat(WorkflowIds.rollbackOfRun("4f1c")).isEqualTo("rollback/4f1c");
        assertThat(WorkflowIds.rollbackOfFlow("crm-customers", "contract-7")).isEqualTo("rollback/crm-customers/contract-7");
        assertThat(WorkflowIds.review("customer/C000001/phone")).isEqualTo("review/customer/C000001/phone");
        assertThat(WorkflowIds.freshness("crm-customers")).isEqualTo("freshness/crm-customers");
        assertThat(WorkflowIds.quarantineReplay("crm-customers", NOON)).isEqualTo("quarantine-replay/crm-customers/20261202T120005");
    }

    @Test
    void onAQueueOfItsOwnAContractsIdsStartWithTheQueue() {
        assertThat(TaskQueues.workflowId("billing", WorkflowIds.sync("crm-customers"))).isEqualTo("billing/sync/crm-customers");
        assertThat(TaskQueues.workflowId(TaskQueues.ACCORD, WorkflowIds.sync("crm-customers"))).isEqualTo("sync/crm-customers");
    }
}
