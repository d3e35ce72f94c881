package dev.accord.activities;

import dev.accord.core.page.AppliedPage;
import dev.accord.core.page.RecordOutcome;
import dev.accord.core.page.TargetOutcome;
import dev.accord.core.resolve.Decision;
import dev.accord.core.resolve.FieldDecision;
import dev.accord.workflows.activities.PageExceptions;
import dev.accord.workflows.activities.RecordException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Gathers the records of one backfill page that were not applied as-is, up to {@link PageExceptions#LIMIT}
 * listed and the rest counted. Reasons keep the reason codes and paths of the outcomes' details and drop
 * their messages, which may quote a value.
 */
final class PageExceptionList {

    /** Record decisions that mean the hub did not take the change as it came. */
    private static final Set<Decision> NOT_AS_IS = EnumSet.of(Decision.QUARANTINED, Decision.STALE, Decision.REJECTED_NOT_OWNER,
            Decision.NEEDS_REVIEW);
    /** Field decisions that leave part of an otherwise applied record out. */
    private static final Set<Decision> FIELD_LEFT_OUT = EnumSet.of(Decision.REJECTED_NOT_OWNER, Decision.NEEDS_REVIEW);

    /** A reason code and the path it applies to, as {@code Violation} spells them. */
    private static final Pattern CODE_AT_PATH = Pattern.compile("\\b[A-Z][A-Z_]+ at \\$[^\\s:;]*");

    private final List<RecordException> listed = new ArrayList<>();
    private int unlisted;

    /** Records quarantined at the boundary or decided by the hub. */
    void decided(List<RecordOutcome> outcomes) {
        for (RecordOutcome outcome : outcomes) {
            if (NOT_AS_IS.contains(outcome.decision())) {
                add(outcome.key(), outcome.decision(), fieldsOrCodes(outcome, outcome.decision()));
            } else {
                outcome.fields().stream().map(FieldDecision::decision).filter(FIELD_LEFT_OUT::contains).findFirst()
                        .ifPresent(d -> add(outcome.key(), d, fieldsOrCodes(outcome, d)));
            }
        }
    }

    /** A delivery's rows that were not written: conflicts, target quarantines, parked references. */
    void delivered(AppliedPage page) {
        for (TargetOutcome outcome : page.records()) {
            switch (outcome.status()) {
                case CONFLICT -> add(new RecordException(outcome.key(), "conflict", page.target(), "CAS_CONFLICT"));
                case QUARANTINED, PARKED -> add(new RecordException(outcome.key(), outcome.status().name().toLowerCase(Locale.ROOT),
                        page.target(), codes(outcome.detail())));
                default -> { }
            }
        }
    }

    /** Keys whose delivery to {@code system} the kill switch or an open circuit held. */
    void held(String system, List<String> keys) {
        keys.forEach(key -> add(new RecordException(key, "held", system, "HELD")));
    }

    PageExceptions snapshot() {
        return new PageExceptions(List.copyOf(listed), unlisted);
    }

    private void add(String key, Decision decision, String reason) {
        add(new RecordException(key, decision.spelling(), null, reason));
    }

    private void add(RecordException exception) {
        if (listed.size() < PageExceptions.LIMIT) {
            listed.add(exception);
        } else {
            unlisted++;
        }
    }

    private static String fieldsOrCodes(RecordOutcome outcome, Decision decision) {
        String fields = outcome.fields().stream().filter(f -> f.decision() == decision).map(FieldDecision::field)
                .collect(Collectors.joining(", "));
        return fields.isEmpty() ? codes(outcome.detail()) : "fields: " + fields;
    }

    /** {@code CODE at $.path: message; …} → {@code CODE at $.path; …}: the codes and paths, never the messages. */
    static String codes(String detail) {
        if (detail == null) {
            return null;
        }
        List<String> codes = new ArrayList<>();
        Matcher matcher = CODE_AT_PATH.matcher(detail);
        while (matcher.find()) {
            codes.add(matcher.group());
        }
        return codes.isEmpty() ? null : String.join("; ", codes);
    }
}
