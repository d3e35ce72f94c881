package dev.accord.cli.demo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accord.demodesk.Contacts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;

/**
 * Seeds the demo systems with the mess real systems hold: a CRM of {@code customers} records (some with
 * broken e-mails, broken Unicode, blank names, malformed phones; names with stray spaces and decomposed
 * accents), a billing system that knows most of them under its own plan codes and spellings and sometimes a
 * different e-mail (it does not own e-mails), a few billing accounts for customers the CRM never had, and a
 * support desk that corrected some phone numbers (newer than the CRM's) and holds some outdated ones.
 * Deterministic: the same seed gives the same data.
 */
final class DemoData {

    static final LocalDateTime CRM_START = LocalDateTime.parse("2024-06-01T08:00:00");
    static final LocalDateTime BILLING_START = LocalDateTime.parse("2024-06-01T07:00:00");
    private static final List<String> FIRST = List.of("Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Margaret",
            "Ken", "Radia", "Tim", "Frances", "Niklaus", "Anita", "Linus", "Sophie", "Jos\u0065\u0301", "Zo\u00eb", "\u00c5sa");
    private static final List<String> LAST = List.of("Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth",
            "Hamilton", "Thompson", "Perlman", "Berners-Lee", "Allen", "Wirth", "Borg", "Torvalds", "Wilson", "Garc\u0069\u0301a");
    private static final List<String> PLAN_CODES = List.of("FREE", "FREE", "PRO", "PRO", "ENT", "ent", "Pro");

    private final int customers;
    private final Random random = new Random(42);

    DemoData(int customers) {
        this.customers = customers;
    }

    static String key(int i) {
        return String.format("C%06d", i);
    }

    int billingCustomers() {
        return customers * 8 / 10;
    }

    int supportCustomers() {
        return customers * 3 / 10;
    }

    void seed(DemoSystems systems) throws SQLException {
        try (Connection crm = systems.crm(); Connection billing = systems.billing()) {
            seedCrm(crm);
            seedBilling(billing);
        }
        seedSupport(systems.support().contacts());
    }

    static String name(int i) {
        return FIRST.get(i % FIRST.size()) + " " + LAST.get((i / FIRST.size()) % LAST.size());
    }

    static String email(int i) {
        return "customer" + i + "@example.com";
    }

    static String phone(int i) {
        return "+49 30 " + (1000000 + i);
    }

    private void seedCrm(Connection crm) throws SQLException {
        try (PreparedStatement insert = crm.prepareStatement("insert into crm_customers (id, full_name, email, phone, status_code,"
                + " signup_date, plan, updated_at, row_version) values (?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
            for (int i = 1; i <= customers; i++) {
                insert.setString(1, key(i));
                insert.setString(2, crmName(i));
                insert.setString(3, i % 211 == 0 ? "not-an-email" : email(i));
                insert.setString(4, i % 409 == 0 ? "12-34" : phone(i));
                insert.setString(5, i % 17 == 0 ? "s" : i % 29 == 0 ? "C" : "A");
                insert.setObject(6, LocalDate.parse("2020-01-01").plusDays(i % 1500));
                insert.setString(7, "free");
                insert.setObject(8, CRM_START.plusSeconds(i / 50));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static String crmName(int i) {
        if (i % 997 == 0) {
            return "Broken \uD800 Name";
        }
        if (i % 1499 == 0) {
            return "   ";
        }
        return i % 13 == 0 ? "  " + name(i) + "  " : name(i);
    }

    private void seedBilling(Connection billing) throws SQLException {
        try (PreparedStatement insert = billing.prepareStatement("insert into billing_accounts (customer_ref, contact_email,"
                + " plan_code, payment_status, credit_limit_cents, modified_at, version) values (?, ?, ?, ?, ?, ?, 1)")) {
            for (int i = 1; i <= billingCustomers(); i++) {
                addBilling(insert, key(i), i % 37 == 0 ? "accounts-" + email(i) : email(i), i);
            }
            for (int i = 1; i <= 20; i++) {
                addBilling(insert, String.format("C9%05d", i), "orphan" + i + "@example.com", i);
            }
            insert.executeBatch();
        }
    }

    private void addBilling(PreparedStatement insert, String key, String email, int i) throws SQLException {
        insert.setString(1, key);
        insert.setString(2, email);
        insert.setString(3, PLAN_CODES.get(random.nextInt(PLAN_CODES.size())));
        insert.setString(4, i % 23 == 0 ? "overdue" : i % 101 == 0 ? "failed" : "current");
        insert.setLong(5, (random.nextInt(500) + 1) * 10_000L);
        insert.setObject(6, BILLING_START.plusSeconds(i / 40));
        insert.addBatch();
    }

    /** The support desk's contacts, put in through its own application (change times in UTC). */
    private void seedSupport(Contacts contacts) {
        for (int i = 1; i <= supportCustomers(); i++) {
            boolean corrected = i % 10 == 0;
            boolean outdated = i % 10 == 5;
            ObjectNode contact = JsonNodeFactory.instance.objectNode()
                    .put("id", key(i))
                    .put("name", name(i))
                    .put("email", email(i))
                    .put("phone", corrected ? "+49 40 " + (2000000 + i) : outdated ? "+49 89 " + (3000000 + i) : phone(i))
                    .put("status", "active")
                    .put("plan", i % 50 == 0 ? "enterprise" : "free");
            Instant changed = corrected ? Instant.parse("2024-06-02T12:00:00Z").plusSeconds(i)
                    : Instant.parse("2024-05-01T12:00:00Z").plusSeconds(i);
            contacts.seed(contact, changed);
        }
    }
}
