package dev.accord.connectors.jdbc;

import dev.accord.connectors.ColumnDrift;
import java.util.List;
import java.util.Map;

/**
 * One source row as read: the selected columns' portable values by contract name (looked up ignoring case), the
 * columns whose value could not be read as the column's baseline type (why, never the value; their value is
 * then its text), and the columns of the query that drifted from their baseline type at all.
 */
record RowValues(Map<String, Object> values, Map<String, String> unreadable, List<ColumnDrift> drift) {

    Object get(String column) {
        return values.get(column);
    }
}
