package dev.accord.workflows.runs;

import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;
import io.temporal.workflow.ChildWorkflowOptions;
import java.util.Map;

/**
 * The one place that builds the options of every workflow Accord starts — from the CLI, the worker's API,
 * freshness schedules, the demo, a catch-up, and as child workflows — so each carries the same search
 * attributes ({@link AccordSearchAttributes}), a memo with its options and a static summary.
 * The namespace must have the search attributes registered, or the server refuses the start.
 */
public final class WorkflowStarts {

    /** The memo key under which a run's options (its input as started) are kept. */
    public static final String MEMO_OPTIONS = "options";

    private WorkflowStarts() {}

    /** Options for a workflow started by a client. */
    public static WorkflowOptions options(String taskQueue, String workflowId, RunLabels labels) {
        return builder(taskQueue, workflowId, labels).build();
    }

    /** The same, as a builder, for a caller that adds more (a cron schedule). */
    public static WorkflowOptions.Builder builder(String taskQueue, String workflowId, RunLabels labels) {
        return WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(taskQueue)
                .setTypedSearchAttributes(searchAttributes(labels))
                .setMemo(memo(labels))
                .setStaticSummary(labels.summary())
                .setStaticDetails(details(labels));
    }

    /**
     * Options for a child workflow; workflow code, deterministic. The child carries the search attributes only
     * when its parent does ({@code labelled}): a parent started without them (by type name from the Temporal UI,
     * or on a server where they are not registered) must not fail its children's starts.
     */
    public static ChildWorkflowOptions child(String workflowId, RunLabels labels, ParentClosePolicy policy, boolean labelled) {
        ChildWorkflowOptions.Builder builder = ChildWorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setParentClosePolicy(policy)
                .setMemo(memo(labels))
                .setStaticSummary(labels.summary())
                .setStaticDetails(details(labels));
        if (labelled) {
            builder.setTypedSearchAttributes(searchAttributes(labels));
        }
        return builder.build();
    }

    /** Kind, flow (when the run has one) and dry-run flag; the run upserts its contract and state itself ({@link RunAttributes}). */
    public static SearchAttributes searchAttributes(RunLabels labels) {
        SearchAttributes.Builder attributes = SearchAttributes.newBuilder()
                .set(AccordSearchAttributes.RUN_KIND, labels.kind().spelling())
                .set(AccordSearchAttributes.DRY_RUN, labels.dryRun());
        if (labels.flow() != null) {
            attributes.set(AccordSearchAttributes.FLOW, labels.flow());
        }
        return attributes.build();
    }

    /** The UI's details of a run (markdown): where its options are, and the query that finds the runs of its flow. */
    static String details(RunLabels labels) {
        String flowQuery = labels.flow() == null ? "" : "\n\nOther runs of this flow: `AccordFlow = '" + labels.flow() + "'`.";
        return "Accord " + labels.kind().spelling() + (labels.dryRun() ? " (dry run: nothing is written)" : "")
                + ". Its options are in the memo `" + MEMO_OPTIONS + "`; its state is in the search attribute `AccordState`"
                + " and the `progress` query." + flowQuery;
    }

    private static Map<String, Object> memo(RunLabels labels) {
        return Map.of(MEMO_OPTIONS, labels.options());
    }
}
