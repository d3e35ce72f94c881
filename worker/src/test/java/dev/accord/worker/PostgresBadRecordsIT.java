package dev.accord.worker;

/** The bad-records suite on PostgreSQL: source and target tables in a schema of their own. */
class PostgresBadRecordsIT extends BadRecordsSuite {

    @Override
    String kind() {
        return "postgres";
    }

    @Override
    void poisonTrigger(String name) {
        String schema = systems.id;
        systems.target.db.execute("create function " + schema + ".poison() returns trigger language plpgsql as $$ begin"
                + " if new.name = '" + name + "' then raise exception 'refusing this row for no data reason'; end if;"
                + " return new; end $$",
                "create trigger dst_poison before insert or update on " + systems.target.table
                        + " for each row execute function " + schema + ".poison()");
    }
}
