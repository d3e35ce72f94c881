package dev.accord.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which quarantine entries to list, count or replay; every part is optional (null: any).
 *
 * @param state open, replayed or discarded
 * @param key the record's key, exactly
 */
public record QuarantineFilter(String flow, String reason, String state, String key) {

    public static final QuarantineFilter ALL = new QuarantineFilter(null, null, null, null);

    /** The SQL condition, with a leading {@code where} (empty when everything is selected). */
    String where() {
        List<String> conditions = new ArrayList<>();
        values().forEach(v -> conditions.add(v[0] + " = ?"));
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    /** Binds the condition's values from parameter 1; returns how many. */
    int bind(PreparedStatement statement) throws SQLException {
        int index = 0;
        for (String[] value : values()) {
            statement.setString(++index, value[1]);
        }
        return index;
    }

    private List<String[]> values() {
        List<String[]> values = new ArrayList<>();
        if (flow != null) {
            values.add(new String[] {"flow", flow});
        }
        if (reason != null) {
            values.add(new String[] {"reason_code", reason});
        }
        if (state != null) {
            values.add(new String[] {"state", state});
        }
        if (key != null) {
            values.add(new String[] {"record_key", StoreText.storable(key)});
        }
        return values;
    }
}
