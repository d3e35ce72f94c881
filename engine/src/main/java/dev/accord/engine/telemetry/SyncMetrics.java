package dev.accord.engine.telemetry;

import dev.accord.core.contract.FlowSpec;
import dev.accord.core.page.AppliedPage;
import dev.accord.core.page.RecordOutcome;
import dev.accord.core.quality.FreshnessReport;
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

    /**
     * A flow's source was read with a column that drifted from the type it had when first read ({@code column}; {@code *}
     * for the whole table): once per page read with it, and once per read it stopped.
     */
    default void drifted(FlowSpec flow, String column) {}

    /**
     * A {@code required-from} requirement not in force yet would have failed for a record's {@code field} (the path
     * without its leading {@code $.}) read from or written to {@code system}, at {@code side} ingress or egress.
     */
    default void warned(FlowSpec flow, String system, String side, String field) {}

    /** A delivery to one system (a target, or the source for repairs) ended with these row outcomes. */
    default void delivered(FlowSpec flow, AppliedPage page) {}

    /** A parked field change of a flow's domain passed its deadline without a decision; its default applies. */
    default void escalated(String flow, String domain, String field) {}

    /** A freshness check measured a flow against its SLA. */
    default void measured(FreshnessReport report) {}
}
