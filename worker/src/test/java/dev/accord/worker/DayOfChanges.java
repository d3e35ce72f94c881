package dev.accord.worker;

import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Changes the systems' own applications make after the first sync, as the starter's DemoScenario does: each
 * update sets the change-tracking timestamp explicitly (a day after the seed) and bumps the row's version.
 */
final class DayOfChanges {

    static final LocalDateTime CRM_TIME = LocalDateTime.parse("2024-06-03T09:00:00");
    static final LocalDateTime BILLING_TIME = LocalDateTime.parse("2024-06-03T08:00:00");
    static final LocalDateTime SUPPORT_TIME = LocalDateTime.parse("2024-06-03T11:00:00");

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
                + " row_version = row_version + 1 where id = ?", CRM_TIME, keys);
    }

    /** The CRM changes e-mails (billing and support both store them). */
    void changeEmailsInCrm(List<String> keys) {
        update(systems.crm(), "update " + systems.crmTable() + " set email = concat('new-', email), updated_at = ?,"
                + " row_version = row_version + 1 where id = ?", CRM_TIME, keys);
    }

    /** The CRM closes customers for good: a soft delete, which billing and support apply as hard deletes. */
    void closeInCrm(List<String> keys) {
        LocalDateTime at = CRM_TIME.plusMinutes(5);
        systems.crm().batch("update " + systems.crmTable() + " set deleted_at = ?, updated_at = ?, row_version = row_version + 1"
                + " where id = ?", keys.stream().map(k -> new Object[] {at, at, k}).toList());
    }

    void upgradePlansInBilling(List<String> keys) {
        update(systems.billing(), "update " + systems.billingTable() + " set plan_code = 'ENT', modified_at = ?,"
                + " version = version + 1 where customer_ref = ?", BILLING_TIME, keys);
    }

    void fixPhonesInSupport(List<String> keys) {
        update(systems.support(), "update " + systems.supportTable() + " set phone = '+49 40 7777777', changed_at = ?,"
                + " row_version = row_version + 1 where customer_id = ?", SUPPORT_TIME, keys);
    }

    private static void update(Db db, String sql, LocalDateTime at, List<String> keys) {
        db.batch(sql, keys.stream().map(k -> new Object[] {at, k}).toList());
    }
}
