package dev.accord.connectors.jdbc;

import java.sql.Types;

/** How Accord reads and binds a column, decided once from the column's JDBC type (and, per dialect, its type name). */
enum ValueKind {
    TEXT, INTEGER, DECIMAL, FLOAT, BOOLEAN, DATE, TIMESTAMP, TIMESTAMP_WITH_ZONE, OTHER;

    static ValueKind of(int sqlType) {
        return switch (sqlType) {
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                    Types.CLOB, Types.NCLOB -> TEXT;
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> INTEGER;
            case Types.NUMERIC, Types.DECIMAL -> DECIMAL;
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> FLOAT;
            case Types.BOOLEAN, Types.BIT -> BOOLEAN;
            case Types.DATE -> DATE;
            case Types.TIMESTAMP -> TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE -> TIMESTAMP_WITH_ZONE;
            default -> OTHER;
        };
    }
}
