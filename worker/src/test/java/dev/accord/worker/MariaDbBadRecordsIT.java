package dev.accord.worker;

/** The bad-records suite on MariaDB: source and target tables in a database of their own. */
class MariaDbBadRecordsIT extends BadRecordsSuite {

    @Override
    String kind() {
        return "mariadb";
    }

    @Override
    void poisonTrigger(String name) {
        systems.target.db.execute("create trigger " + systems.id + ".dst_poison before insert on " + systems.target.table
                + " for each row begin if new.name = '" + name + "' then signal sqlstate '45000' set message_text ="
                + " 'refusing this row for no data reason'; end if; end");
    }
}
