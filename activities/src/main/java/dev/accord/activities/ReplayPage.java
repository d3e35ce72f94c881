package dev.accord.activities;

import dev.accord.core.page.AppliedPage;
import dev.accord.core.page.RecordOutcome;
import dev.accord.core.page.ResolvedPage;
import dev.accord.core.page.TargetOutcome;
import dev.accord.core.review.ReviewTerms;
import dev.accord.core.validation.ReasonCode;
import dev.accord.store.QuarantineActions;
import dev.accord.store.QuarantineLog;
import dev.accord.workflows.activities.ReplayedPage;
import dev.accord.workflows.sync.Tally;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What replaying one page of quarantine entries collects: counts as a run keeps them, what each system did with
 * each key, the keys a held system still has to take, the reviews to open, and every entry's new state. Outcomes
 * name decisions, systems, reason codes and paths, never values: they travel through the workflow's history.
 */
final class ReplayPage {

    private static final Pattern VIOLATION = Pattern.compile("([A-Z][A-Z_]+) at (\\$[^\\s:]*)");

    private final Tally tally = new Tally(null);
    private final Map<String, List<String>> byKey = new LinkedHashMap<>();
    private final Map<String, List<String>> quarantinedAt = new LinkedHashMap<>();
    private final Map<String, List<String>> undelivered = new LinkedHashMap<>();
    private final List<String> reviews = new ArrayList<>();
    private final Map<String, ReviewTerms> reviewTerms = new LinkedHashMap<>();
    private final List<QuarantineActions.ReplayMark> marks = new ArrayList<>();
    private final List<ReplayedPage.Entry> entries = new ArrayList<>();

    void decided(List<RecordOutcome> quarantined, ResolvedPage resolved) {
        tally.decided(quarantined, resolved);
        if (resolved.parksReviews()) {
            reviews.addAll(resolved.reviews());
            if (resolved.reviewTerms() != null) {
                reviewTerms.putAll(resolved.reviewTerms());
            }
        }
    }

    /** What {@code system} did with {@code keys}; a held system keeps them for the workflow to deliver later. */
    void delivered(String system, List<String> keys, AppliedPage applied) {
        if (applied.held()) {
            undelivered.computeIfAbsent(system, s -> new ArrayList<>()).addAll(keys);
            keys.forEach(k -> byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(system + ": held, delivered when it takes writes again"));
            return;
        }
        tally.target(applied);
        for (TargetOutcome outcome : applied.records()) {
            byKey.computeIfAbsent(outcome.key(), x -> new ArrayList<>())
                    .add(system + ": " + outcome.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            if (outcome.status() == TargetOutcome.Status.QUARANTINED) {
                quarantinedAt.computeIfAbsent(system, s -> new ArrayList<>()).add(outcome.key());
            }
        }
    }

    List<String> quarantinedAt(String system) {
        return quarantinedAt.getOrDefault(system, List.of());
    }

    /** What every system did with {@code key}, for an outcome: {@code "; billing: written, support: unchanged"}. */
    String targetsOf(String key) {
        List<String> done = byKey.getOrDefault(key, List.of());
        return done.isEmpty() ? "" : "; " + String.join(", ", done);
    }

    void mark(List<QuarantineLog.Stored> stored, boolean replayed, String outcome) {
        for (QuarantineLog.Stored entry : stored) {
            marks.add(new QuarantineActions.ReplayMark(entry.id(), replayed, outcome));
            entries.add(new ReplayedPage.Entry(entry.id(), replayed ? QuarantineLog.REPLAYED : QuarantineLog.OPEN, outcome));
        }
    }

    List<QuarantineActions.ReplayMark> marks() {
        return marks;
    }

    ReplayedPage result() {
        return new ReplayedPage(false, entries, tally.snapshot(), reviews, reviewTerms, undelivered);
    }

    /** The reason codes and paths of {@code "SCHEMA_CONSTRAINT at $.email: <message>; …"}, without the messages (they may name values). */
    static String codesAndPaths(String violations) {
        if (violations == null) {
            return "";
        }
        Set<String> codes = Arrays.stream(ReasonCode.values()).map(Enum::name).collect(Collectors.toSet());
        List<String> found = new ArrayList<>();
        Matcher matcher = VIOLATION.matcher(violations);
        while (matcher.find()) {
            if (codes.contains(matcher.group(1))) {
                found.add(matcher.group(1) + " at " + matcher.group(2));
            }
        }
        return String.join("; ", found);
    }
}
