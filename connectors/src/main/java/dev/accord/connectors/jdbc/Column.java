package dev.accord.connectors.jdbc;

import java.time.ZoneId;

/**
 * A table column as the database describes it, for one contract column name.
 *
 * @param name the name as the database stores it (H2 upper-cases unquoted names), used in SQL
 * @param sqlType the JDBC type, needed to bind NULL
 * @param typeName the database's type name, for messages
 * @param zone the zone its values are in when the type carries no offset: the field's zone, else the system's
 */
record Column(String name, int sqlType, String typeName, ValueKind kind, ZoneId zone) {

    String describe() {
        return "column " + name + " (" + typeName + ")";
    }
}
