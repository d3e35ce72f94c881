package dev.accord.engine;

import dev.accord.connectors.SourceCursor;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * The freshness rule, apart from where its inputs come from. A flow is <em>behind</em> when its source head is
 * past its checkpoint; its <em>freshness</em> is the age of the newest source change it applied. The SLA is
 * breached only when both hold: behind, and the newest applied change older than the SLA (or none applied
 * yet). A caught-up flow over a quiet source is fresh however old its newest change is: there is nothing newer
 * to deliver.
 *
 * @param freshnessSeconds null when the flow never applied a change
 * @param lagSeconds head minus checkpoint when both are timestamps (0 when caught up); null otherwise
 */
public record FreshnessVerdict(Long freshnessSeconds, Long lagSeconds, boolean behind, boolean breached) {

    public static FreshnessVerdict of(Duration sla, SourceCursor head, SourceCursor checkpoint, Instant newestApplied, Instant now) {
        boolean behind = !head.isBeginning() && !(Objects.equals(head.position(), checkpoint.position())
                && Objects.equals(head.key(), checkpoint.key()));
        Long freshness = newestApplied == null ? null : Math.max(0, Duration.between(newestApplied, now).toSeconds());
        boolean breached = sla != null && behind && (freshness == null || freshness > sla.toSeconds());
        return new FreshnessVerdict(freshness, behind ? lag(head, checkpoint) : Long.valueOf(0), behind, breached);
    }

    /** Seconds between two timestamp positions; null for sequences or a checkpoint at the beginning. */
    private static Long lag(SourceCursor head, SourceCursor checkpoint) {
        Instant to = instant(head.position());
        Instant from = instant(checkpoint.position());
        return to == null || from == null ? null : Math.max(0, Duration.between(from, to).toSeconds());
    }

    /** Timestamp positions are ISO-8601, with or without an offset; both sides of a flow share one form. */
    private static Instant instant(String position) {
        if (position == null || !position.contains("T")) {
            return null;
        }
        try {
            return OffsetDateTime.parse(position).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(position).toInstant(java.time.ZoneOffset.UTC);
            } catch (DateTimeParseException neither) {
                return null;
            }
        }
    }
}
