package dev.accord.activities.telemetry;

import dev.accord.core.contract.FlowSpec;
import dev.accord.workflows.activities.AppliedPage;
import dev.accord.workflows.activities.FreshnessReport;
import dev.accord.workflows.activities.RecordOutcome;
import java.util.List;

/**
 * What the activities count, as a port: the worker implements it with Micrometer, tests and the CLI use
 * {@link #NONE}. Calls are cheap and never fail the work they describe. Counts are per activity result, so a
 * retried page is counted again (metrics show the work done, the run's counts in the store show the outcome).
 */
public interface SyncMetrics {

    /** Counts nothing. */
    SyncMetrics NONE = new SyncMetrics() {};

    /** The hub decided a page of a flow's changes (one outcome per change read from the flow's source). */
    default void decided(FlowSpec flow, List<RecordOutcome> outcomes) {}

    /** A record read by a flow broke a rule at the ingress boundary, with this reason code. */
    default void violated(FlowSpec flow, String reasonCode) {}

    /** A delivery to one system (a target, or the source for repairs) ended with these row outcomes. */
    default void delivered(FlowSpec flow, AppliedPage page) {}

    /** A parked field change of a flow's domain passed its deadline without a decision; its default applies. */
    default void escalated(String flow, String domain, String field) {}

    /** A freshness check measured a flow against its SLA. */
    default void measured(FreshnessReport report) {}
}
