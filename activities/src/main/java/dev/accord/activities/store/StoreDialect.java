package dev.accord.activities.store;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The two statements whose syntax differs between the store's databases: upsert and insert-if-absent.
 * Everything else the store runs is plain SQL that PostgreSQL and H2 share.
 */
enum StoreDialect {
    POSTGRES {
        @Override
        String upsert(String table, List<String> columns, List<String> keys) {
            String updates = columns.stream().filter(c -> !keys.contains(c))
                    .map(c -> c + " = excluded." + c).collect(Collectors.joining(", "));
            return insert(table, columns) + " on conflict (" + String.join(", ", keys) + ") do update set " + updates;
        }

        @Override
        String insertIfAbsent(String table, List<String> columns, List<String> keys) {
            return insert(table, columns) + " on conflict (" + String.join(", ", keys) + ") do nothing";
        }
    },
    H2 {
        @Override
        String upsert(String table, List<String> columns, List<String> keys) {
            return "merge into " + table + " (" + String.join(", ", columns) + ") key (" + String.join(", ", keys)
                    + ") values (" + placeholders(columns) + ")";
        }

        @Override
        String insertIfAbsent(String table, List<String> columns, List<String> keys) {
            String on = keys.stream().map(k -> "t." + k + " = s." + k).collect(Collectors.joining(" and "));
            return "merge into " + table + " t using (values (" + placeholders(columns) + ")) s ("
                    + String.join(", ", columns) + ") on " + on + " when not matched then insert ("
                    + String.join(", ", columns) + ") values ("
                    + columns.stream().map(c -> "s." + c).collect(Collectors.joining(", ")) + ")";
        }
    };

    abstract String upsert(String table, List<String> columns, List<String> keys);

    abstract String insertIfAbsent(String table, List<String> columns, List<String> keys);

    /** The Flyway vendor folder under {@code db/accord}. */
    String migrations() {
        return this == POSTGRES ? "classpath:db/accord/postgresql" : "classpath:db/accord/h2";
    }

    static StoreDialect forUrl(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRES;
        }
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        throw new IllegalArgumentException("the Accord store runs on PostgreSQL or H2; unsupported URL " + jdbcUrl);
    }

    static String insert(String table, List<String> columns) {
        return "insert into " + table + " (" + String.join(", ", columns) + ") values (" + placeholders(columns) + ")";
    }

    private static String placeholders(List<String> columns) {
        return columns.stream().map(c -> "?").collect(Collectors.joining(", "));
    }
}
