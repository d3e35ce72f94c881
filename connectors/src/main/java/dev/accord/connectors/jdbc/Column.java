package dev.accord.connectors.jdbc;

import java.time.ZoneId;

/**
 * A table column as the database describes it, for one contract column name.
 *
 * @param name the name as the database stores it (H2 upper-cases unquoted names), used in SQL
 * @param sqlType the JDBC type, needed to bind NULL
 * @param typeName the database's type name, for messages
 * @param zone the zone its values are in when the type carries no offset: the field's zone, else the system's
 * @param precision for text the most characters it holds, for decimals the most digits; 0 when unknown or unlimited
 * @param scale digits after the decimal point a decimal keeps
 * @param nullable whether it may hold NULL (true when the database does not say)
 * @param signed whether a number may be negative (false for MariaDB's {@code UNSIGNED} types)
 */
record Column(String name, int sqlType, String typeName, ValueKind kind, ZoneId zone, int precision, int scale,
              boolean nullable, boolean signed) {

    /** A column whose size, nullability and sign are not known: no limits are checked. */
    Column(String name, int sqlType, String typeName, ValueKind kind, ZoneId zone) {
        this(name, sqlType, typeName, kind, zone, 0, 0, true, true);
    }

    String describe() {
        return "column " + name + " (" + typeName + ")";
    }
}
