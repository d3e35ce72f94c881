package dev.accord.cli.demo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.accord.demodesk.Contacts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A day of changes after the first sync, made by the systems' own applications: CRM renames some
 * customers and closes a few (soft delete); billing upgrades plans and edits e-mails it does not own;
 * support fixes phone numbers. Every write bumps the row's version, as the applications must.
 */
final class DemoScenario {

    /**
     * A customer the CRM renames while a support agent edits the same contact: the agent's edit lands just
     * before Accord's write, so that write's ETag is stale (412), and Accord re-reads, re-resolves and retries it.
     */
    static final String CONFLICTED = DemoData.key(3);

    private final int customers;

    DemoScenario(int customers) {
        this.customers = customers;
    }

    void apply(DemoSystems systems) throws SQLException {
        try (Connection crm = systems.crm(); Connection billing = systems.billing()) {
            update(crm, "update crm_customers set full_name = concat(full_name, ' Jr.'), row_version = row_version + 1 where id = ?",
                    20, 3);
            update(crm, "update crm_customers set deleted_at = localtimestamp, row_version = row_version + 1 where id = ?", 500, 7);
            int billingCustomers = customers * 8 / 10;
            update(billing, "update billing_accounts set plan_code = 'ENT', version = version + 1 where customer_ref = ?",
                    33, 11, billingCustomers);
            update(billing, "update billing_accounts set contact_email = 'billing-edit@example.com', version = version + 1"
                    + " where customer_ref = ?", 100, 13, billingCustomers);
        }
        Contacts contacts = systems.support().contacts();
        for (int i = 1; i <= customers * 3 / 10; i += 100) {
            contacts.patch(DemoData.key(i), null, JsonNodeFactory.instance.objectNode().put("phone", "+49 40 7777777"));
        }
        systems.support().faults().agentEditsBeforeNextWrite(CONFLICTED,
                JsonNodeFactory.instance.objectNode().put("phone", "+49 40 5550003"));
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
