package dev.accord.core.page;

import dev.accord.core.record.SourceChange;
import java.util.List;

/**
 * A page after the boundary: the canonical changes that passed, and the records that went to quarantine.
 */
public record ValidatedPage(List<SourceChange> changes, List<RecordOutcome> quarantined) {}
