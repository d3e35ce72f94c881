package dev.accord.store;

import dev.accord.core.failure.InvalidRequestException;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The statements whose syntax differs between the store's databases: upsert, insert-if-absent, and insert
 * or update the stored row. Everything else the store runs is plain SQL that PostgreSQL and H2 share.
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

        @Override
        String insertOrUpdate(String table, List<String> columns, List<String> keys, UnaryOperator<String> assignments) {
            return "insert into " + table + " as t (" + String.join(", ", columns) + ") values (" + placeholders(columns)
                    + ") on conflict (" + String.join(", ", keys) + ") do update set " + assignments.apply("excluded");
        }

        @Override
        String acquireLease() {
            return "insert into attempt_lease as t (scope, token, holder, acquired_at) values (?, ?, ?, ?)"
                    + " on conflict (scope) do update set token = excluded.token, holder = excluded.holder,"
                    + " acquired_at = excluded.acquired_at where t.token <= excluded.token";
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

        @Override
        String insertOrUpdate(String table, List<String> columns, List<String> keys, UnaryOperator<String> assignments) {
            String on = keys.stream().map(k -> "t." + k + " = s." + k).collect(Collectors.joining(" and "));
            return "merge into " + table + " t using (values (" + placeholders(columns) + ")) s ("
                    + String.join(", ", columns) + ") on " + on + " when matched then update set " + assignments.apply("s")
                    + " when not matched then insert (" + String.join(", ", columns) + ") values ("
                    + columns.stream().map(c -> "s." + c).collect(Collectors.joining(", ")) + ")";
        }

        @Override
        String acquireLease() {
            return "merge into attempt_lease t using (values (?, ?, ?, ?)) s (scope, token, holder, acquired_at) on t.scope = s.scope"
                    + " when matched and t.token <= s.token then update set token = s.token, holder = s.holder, acquired_at = s.acquired_at"
                    + " when not matched then insert (scope, token, holder, acquired_at) values (s.scope, s.token, s.holder, s.acquired_at)";
        }
    };

    abstract String upsert(String table, List<String> columns, List<String> keys);

    abstract String insertIfAbsent(String table, List<String> columns, List<String> keys);

    /**
     * Inserts a row, or when one with the same {@code keys} exists, updates it as {@code assignments} say.
     *
     * @param assignments the SET list, given the alias of the incoming row; the stored row is {@code t}
     */
    abstract String insertOrUpdate(String table, List<String> columns, List<String> keys, UnaryOperator<String> assignments);

    /**
     * Takes an attempt lease: inserts it, or raises its token when the stored one is not newer (scope, token, holder,
     * acquired at); counts 0 when a newer attempt holds it.
     */
    abstract String acquireLease();

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
        throw new InvalidRequestException("the Accord store runs on PostgreSQL or H2; unsupported URL " + jdbcUrl);
    }

    static String insert(String table, List<String> columns) {
        return "insert into " + table + " (" + String.join(", ", columns) + ") values (" + placeholders(columns) + ")";
    }

    private static String placeholders(List<String> columns) {
        return columns.stream().map(c -> "?").collect(Collectors.joining(", "));
    }
}
