package dev.accord.core.record;

import com.fasterxml.jackson.databind.JsonNode;

/** Value equality as the business sees it: 10 equals 10.00, and a missing value equals JSON null. */
public final class Values {

    private Values() {}

    public static boolean same(JsonNode a, JsonNode b) {
        boolean aEmpty = a == null || a.isNull() || a.isMissingNode();
        boolean bEmpty = b == null || b.isNull() || b.isMissingNode();
        if (aEmpty || bEmpty) {
            return aEmpty && bEmpty;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }
}
