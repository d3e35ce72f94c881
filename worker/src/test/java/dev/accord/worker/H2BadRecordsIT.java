package dev.accord.worker;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** The bad-records suite on in-memory H2 databases. */
class H2BadRecordsIT extends BadRecordsSuite {

    @Override
    String kind() {
        return "h2";
    }

    @Override
    void poisonTrigger(String name) {
        systems.target.db.execute("create trigger dst_poison before insert on " + systems.target.table
                + " for each row call \"" + Poison.class.getName() + "\"");
    }

    /** Fails the insert of a row named {@code poison} with an error of no known class (SQLSTATE 45000). */
    public static final class Poison implements Trigger {

        @Override
        public void fire(Connection connection, Object[] before, Object[] after) throws SQLException {
            if (after != null && "poison".equals(after[1])) {
                throw new SQLException("refusing this row for no data reason", "45000");
            }
        }
    }
}
