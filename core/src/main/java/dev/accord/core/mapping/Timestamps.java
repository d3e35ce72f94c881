package dev.accord.core.mapping;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.accord.core.validation.ReasonCode;
import dev.accord.core.validation.Violation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * Timestamps in canonical form are ISO-8601 instants in UTC ({@code 2024-03-01T09:30:00Z}); local
 * timestamps without an offset are read in the system's (or the field's) time zone.
 */
public final class Timestamps {

    private Timestamps() {}

    static Normalised toCanonical(Object raw, ZoneId zone, String field) {
        Instant instant = toInstant(raw, zone);
        if (instant == null) {
            return Normalised.failed(Violation.at(ReasonCode.BAD_TIMESTAMP, field,
                    "'" + raw + "' is not an ISO-8601 date-time such as 2024-03-01T09:30:00Z"));
        }
        return Normalised.ok(JsonNodeFactory.instance.textNode(instant.toString()));
    }

    static Normalised dateToCanonical(Object raw, String field) {
        try {
            LocalDate date;
            if (raw instanceof java.sql.Date d) {
                date = d.toLocalDate();
            } else if (raw instanceof LocalDate d) {
                date = d;
            } else if (raw instanceof LocalDateTime t) {
                date = t.toLocalDate();
            } else {
                date = LocalDate.parse(raw.toString().trim());
            }
            return Normalised.ok(JsonNodeFactory.instance.textNode(date.toString()));
        } catch (DateTimeParseException e) {
            return Normalised.failed(Violation.at(ReasonCode.BAD_DATE, field, "'" + raw + "' is not a date such as 2024-03-01"));
        }
    }

    /** Reads JDBC and text timestamps; null when the value cannot be read. */
    public static Instant toInstant(Object raw, ZoneId zone) {
        try {
            if (raw instanceof Instant i) {
                return i;
            }
            if (raw instanceof java.sql.Timestamp t) {
                return t.toLocalDateTime().atZone(zone).toInstant();
            }
            if (raw instanceof LocalDateTime t) {
                return t.atZone(zone).toInstant();
            }
            if (raw instanceof OffsetDateTime t) {
                return t.toInstant();
            }
            if (raw instanceof ZonedDateTime t) {
                return t.toInstant();
            }
            if (raw instanceof java.sql.Date d) {
                return d.toLocalDate().atStartOfDay(zone).toInstant();
            }
            if (raw instanceof LocalDate d) {
                return d.atStartOfDay(zone).toInstant();
            }
            if (raw instanceof java.util.Date d) {
                return d.toInstant();
            }
            return parse(raw.toString().trim(), zone);
        } catch (DateTimeParseException | UnsupportedOperationException e) {
            return null;
        }
    }

    private static Instant parse(String text, ZoneId zone) {
        String iso = text.contains("T") ? text : text.replaceFirst(" ", "T");
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            return LocalDateTime.parse(iso).atZone(zone).toInstant();
        }
    }
}
