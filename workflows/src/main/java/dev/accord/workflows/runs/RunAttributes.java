package dev.accord.workflows.runs;

import dev.accord.core.page.FlowPlan;
import io.temporal.workflow.ContinueAsNewOptions;
import io.temporal.workflow.Workflow;
import java.util.Map;

/**
 * Keeps a running workflow's search attributes current: the contract it works under once its plan is read,
 * and its state as it changes. Workflow code, deterministic.
 *
 * <p>Only a run started with Accord's attributes ({@link WorkflowStarts}) upserts: one started bare (by type name
 * from the Temporal UI, or where the namespace lacks them) would fail its workflow task on an attribute the
 * server does not know. The upserts are new commands, so they are gated by {@link Workflow#getVersion} under
 * {@value #CHANGE_ID}: histories recorded before them replay unchanged.
 */
public final class RunAttributes {

    /** Version marker of the upserts. */
    public static final String CHANGE_ID = "accord-search-attributes";

    private final boolean labelled;
    private final boolean upserting;
    private String shown;

    private RunAttributes(boolean labelled, boolean upserting, String shown) {
        this.labelled = labelled;
        this.upserting = upserting;
        this.shown = shown;
    }

    /** The current run's attributes; call once, at the start of the workflow method. */
    public static RunAttributes ofCurrentRun() {
        boolean labelled = currentRunLabelled();
        boolean upserting = labelled && Workflow.getVersion(CHANGE_ID, Workflow.DEFAULT_VERSION, 1) == 1;
        return new RunAttributes(labelled, upserting, labelled ? Workflow.getTypedSearchAttributes().get(AccordSearchAttributes.STATE) : null);
    }

    /** The current run was started with Accord's search attributes, so the namespace knows them. */
    public static boolean currentRunLabelled() {
        return Workflow.getTypedSearchAttributes().containsKey(AccordSearchAttributes.RUN_KIND);
    }

    /** The run carries Accord's search attributes: its children may carry them too. */
    public boolean labelled() {
        return labelled;
    }

    /**
     * Continues the run as new, carrying its search attributes and memo to the next execution when it has them, so a
     * long sync stays findable. A real server would copy them anyway; the Java test server drops both on
     * continue-as-new, given or not, so there a continued run is unlabelled and upserts nothing.
     */
    public void continueAsNew(Object input) {
        if (!labelled) {
            Workflow.continueAsNew(input);
            return;
        }
        ContinueAsNewOptions.Builder options = ContinueAsNewOptions.newBuilder().setTypedSearchAttributes(
                AccordSearchAttributes.accordOnly(Workflow.getTypedSearchAttributes()));
        Object memo = Workflow.getMemo(WorkflowStarts.MEMO_OPTIONS, Object.class);
        if (memo != null) {
            options.setMemo(Map.of(WorkflowStarts.MEMO_OPTIONS, memo));
        }
        Workflow.continueAsNew(options.build(), input);
    }

    /** The contract the run works under: its hash, and its version when the version is a whole number. */
    public void contract(FlowPlan plan) {
        if (!upserting || plan.contractHash() == null) {
            return;
        }
        Long version = wholeNumber(plan.contractVersion());
        if (version == null) {
            Workflow.upsertTypedSearchAttributes(AccordSearchAttributes.CONTRACT_HASH.valueSet(plan.contractHash()));
        } else {
            Workflow.upsertTypedSearchAttributes(AccordSearchAttributes.CONTRACT_HASH.valueSet(plan.contractHash()),
                    AccordSearchAttributes.CONTRACT_VERSION.valueSet(version));
        }
    }

    /** The run's state; upserted when it differs from the one shown. */
    public void state(String state) {
        if (!upserting || state == null || state.equals(shown)) {
            return;
        }
        shown = state;
        Workflow.upsertTypedSearchAttributes(AccordSearchAttributes.STATE.valueSet(state));
    }

    private static Long wholeNumber(String text) {
        if (text == null || !text.trim().matches("\\d{1,18}")) {
            return null;
        }
        return Long.parseLong(text.trim());
    }
}
