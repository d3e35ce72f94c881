package dev.accord.activities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.core.page.AppliedPage;
import dev.accord.core.page.RecordOutcome;
import dev.accord.core.page.TargetOutcome;
import dev.accord.core.resolve.Decision;
import dev.accord.core.resolve.FieldDecision;
import dev.accord.workflows.activities.PageExceptions;
import dev.accord.workflows.activities.RecordException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PageExceptionListTest {

    @Test
    void listsWhatWasNotAppliedAsIsAndSkipsWhatWas() {
        PageExceptionList list = new PageExceptionList();
        list.decided(List.of(
                outcome("K1", Decision.APPLIED, List.of(), null),
                outcome("K2", Decision.QUARANTINED, List.of(), "SCHEMA_CONSTRAINT at $.email: 'x@' is not an email; REQUIRED_MISSING at $.name: empty"),
                outcome("K3", Decision.STALE, List.of(field("phone", Decision.STALE)), null),
                outcome("K4", Decision.APPLIED, List.of(field("email", Decision.APPLIED), field("plan", Decision.REJECTED_NOT_OWNER)), null),
                outcome("K5", Decision.DUPLICATE, List.of(), null)));
        list.delivered(new AppliedPage("billing", List.of(
                new TargetOutcome("K1", TargetOutcome.Status.WRITTEN, 1L, 2L, null),
                new TargetOutcome("K6", TargetOutcome.Status.CONFLICT, 1L, null, "compare-and-set failed"),
                new TargetOutcome("K7", TargetOutcome.Status.QUARANTINED, null, null, "VALUE_TOO_LONG at $.name: 'Ada Lovelace' is longer than 5")),
                false));
        list.held("support", List.of("K8"));

        assertThat(list.snapshot().listed()).containsExactly(
                new RecordException("K2", "quarantined", null, "SCHEMA_CONSTRAINT at $.email; REQUIRED_MISSING at $.name"),
                new RecordException("K3", "stale", null, "fields: phone"),
                new RecordException("K4", "rejected-not-owner", null, "fields: plan"),
                new RecordException("K6", "conflict", "billing", "CAS_CONFLICT"),
                new RecordException("K7", "quarantined", "billing", "VALUE_TOO_LONG at $.name"),
                new RecordException("K8", "held", "support", "HELD"));
    }

    @Test
    void listsAtMostTheLimitAndCountsTheRest() {
        PageExceptionList list = new PageExceptionList();
        list.held("billing", IntStream.range(0, PageExceptions.LIMIT + 7).mapToObj(i -> "K" + i).toList());

        PageExceptions exceptions = list.snapshot();
        assertThat(exceptions.listed()).hasSize(PageExceptions.LIMIT);
        assertThat(exceptions.unlisted()).isEqualTo(7);
        assertThat(exceptions.total()).isEqualTo(PageExceptions.LIMIT + 7);
    }

    private static RecordOutcome outcome(String key, Decision decision, List<FieldDecision> fields, String detail) {
        return new RecordOutcome(key, "crm|customer|1|" + key, decision, fields, detail);
    }

    private static FieldDecision field(String name, Decision decision) {
        return new FieldDecision(name, decision, null, null, decision.spelling());
    }
}
