package dev.accord.cli.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A day of changes after the first sync, made by the systems' own applications: CRM renames some
 * customers and closes a few (soft delete); billing upgrades plans and edits e-mails it does not own;
 * support fixes phone numbers. Every write bumps the row's version, as the applications must.
 */
final class DemoScenario {

    private final int customers;

    DemoScenario(int customers) {
        this.customers = customers;
    }

    void apply(DemoSystems systems) throws SQLException {
        try (Connection crm = systems.crm(); Connection billing = systems.billing(); Connection support = systems.support()) {
            update(crm, "update crm_customers set full_name = concat(full_name, ' Jr.'), row_version = row_version + 1 where id = ?",
                    20, 3);
            update(crm, "update crm_customers set deleted_at = localtimestamp, row_version = row_version + 1 where id = ?", 500, 7);
            int billingCustomers = customers * 8 / 10;
            update(billing, "update billing_accounts set plan_code = 'ENT', version = version + 1 where customer_ref = ?",
                    33, 11, billingCustomers);
            update(billing, "update billing_accounts set contact_email = 'billing-edit@example.com', version = version + 1"
                    + " where customer_ref = ?", 100, 13, billingCustomers);
            update(support, "update support_contacts set phone = '+49 40 7777777', row_version = row_version + 1"
                    + " where customer_id = ?", 100, 1, customers * 3 / 10);
        }
    }

    private void update(Connection connection, String sql, int every, int offset) throws SQLException {
        update(connection, sql, every, offset, customers);
    }

    private static void update(Connection connection, String sql, int every, int offset, int upTo) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = offset; i <= upTo; i += every) {
                statement.setString(1, DemoData.key(i));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }
}
