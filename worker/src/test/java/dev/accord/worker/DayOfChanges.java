package dev.accord.worker;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Changes the systems' own applications make after the first sync, as the starter's DemoScenario does: each
 * update sets the change-tracking timestamp explicitly, to the current time in the system's zone (the CRM
 * keeps Berlin wall-clock time, the others UTC), and bumps the row's version. The time must be current:
 * a cursor never goes back, so a row updated with a time before the last one read (say, a row Accord
 * inserted during the first sync) would never be read.
 */
final class DayOfChanges {

    private final CustomerSystems systems;
    private final CustomerData data;

    DayOfChanges(CustomerSystems systems, CustomerData data) {
        this.systems = systems;
        this.data = data;
    }

    /** Every {@code every}-th valid CRM customer from {@code offset} on. */
    List<String> keys(int offset, int every) {
        return IntStream.iterate(offset, i -> i <= data.customers, i -> i + every)
                .filter(i -> !CustomerData.invalid(i)).mapToObj(CustomerData::key).toList();
    }

    /** The CRM renames customers (support stores names; billing does not). */
    void renameInCrm(List<String> keys) {
        update(systems.crm(), "update " + systems.crmTable() + " set full_name = concat(full_name, ' Jr.'), updated_at = ?,"
                + " row_version = row_version + 1 where id = ?", crmNow(), keys);
    }

    /** The CRM changes e-mails (billing and support both store them). */
    void changeEmailsInCrm(List<String> keys) {
        update(systems.crm(), "update " + systems.crmTable() + " set email = concat('new-', email), updated_at = ?,"
                + " row_version = row_version + 1 where id = ?", crmNow(), keys);
    }

    /** The CRM closes customers for good: a soft delete, which billing and support apply as hard deletes. */
    void closeInCrm(List<String> keys) {
        LocalDateTime at = crmNow();
        systems.crm().batch("update " + systems.crmTable() + " set deleted_at = ?, updated_at = ?, row_version = row_version + 1"
                + " where id = ?", keys.stream().map(k -> new Object[] {at, at, k}).toList());
    }

    void upgradePlansInBilling(List<String> keys) {
        update(systems.billing(), "update " + systems.billingTable() + " set plan_code = 'ENT', modified_at = ?,"
                + " version = version + 1 where customer_ref = ?", LocalDateTime.now(ZoneOffset.UTC), keys);
    }

    void fixPhonesInSupport(List<String> keys) {
        update(systems.support(), "update " + systems.supportTable() + " set phone = '+49 40 7777777', changed_at = ?,"
                + " row_version = row_version + 1 where customer_id = ?", LocalDateTime.now(ZoneOffset.UTC), keys);
    }

    private static LocalDateTime crmNow() {
        return LocalDateTime.now(ZoneId.of("Europe/Berlin"));
    }

    private static void update(Db db, String sql, LocalDateTime at, List<String> keys) {
        db.batch(sql, keys.stream().map(k -> new Object[] {at, k}).toList());
    }
}
