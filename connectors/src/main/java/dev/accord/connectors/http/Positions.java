package dev.accord.connectors.http;

import dev.accord.core.mapping.Timestamps;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Orders (cursor value, key) positions the way an API sorts its change feed: cursor values as instants when
 * both read as timestamps, as numbers when both are numeric, else as text; keys as numbers when both are
 * numeric, else as text.
 */
final class Positions {

    private final ZoneId zone;

    Positions(ZoneId zone) {
        this.zone = zone;
    }

    /** True when (cursor, key) lies after (afterCursor, afterKey); a null afterKey includes the cursor value itself. */
    boolean isAfter(String cursor, String key, String afterCursor, String afterKey) {
        int byCursor = compareValues(cursor, afterCursor, true);
        if (byCursor != 0) {
            return byCursor > 0;
        }
        return afterKey == null || compareValues(key, afterKey, false) > 0;
    }

    int compareValues(String a, String b, boolean timestamps) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        BigDecimal x = number(a);
        BigDecimal y = number(b);
        if (x != null && y != null) {
            return x.compareTo(y);
        }
        if (timestamps) {
            Instant p = Timestamps.toInstant(a, zone);
            Instant q = Timestamps.toInstant(b, zone);
            if (p != null && q != null) {
                return p.compareTo(q);
            }
        }
        return a.compareTo(b);
    }

    private static BigDecimal number(String text) {
        if (text.isEmpty() || !(Character.isDigit(text.charAt(0)) || text.charAt(0) == '-')) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
