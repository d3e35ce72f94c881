package dev.accord.worker;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The customers the three systems hold before the first sync, with the mess real systems have (after the
 * starter's DemoData): a CRM whose rows are mostly valid but some break the schema (bad e-mail, blank
 * name, malformed phone), a billing system that knows 80% of them under its own plan codes and sometimes
 * another e-mail (it does not own e-mails) plus accounts the CRM never had, and a support desk that knows
 * 30%, corrected some phone numbers after the CRM's last change, holds outdated ones for others, and
 * believes some customers are on another plan. Deterministic, so every expectation can be computed.
 */
final class CustomerData {

    /** CRM wall-clock time (Europe/Berlin): 2024-06-01T06:00Z. */
    static final LocalDateTime CRM_START = LocalDateTime.parse("2024-06-01T08:00:00");
    static final LocalDateTime BILLING_START = LocalDateTime.parse("2024-06-01T07:00:00");
    /** Support's corrections are a day newer than anything the CRM holds. */
    static final LocalDateTime SUPPORT_CORRECTED = LocalDateTime.parse("2024-06-02T12:00:00");
    static final LocalDateTime SUPPORT_OLD = LocalDateTime.parse("2024-05-01T12:00:00");
    static final int ORPHANS = 10;

    private static final List<String> FIRST = List.of("Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Margaret",
            "Ken", "Radia", "Tim", "Frances", "Jos\u0065\u0301", "Zo\u00eb", "\u00c5sa");
    private static final List<String> LAST = List.of("Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth",
            "Hamilton", "Thompson", "Garc\u0069\u0301a");
    private static final List<String> PLAN_CODES = List.of("FREE", "PRO", "ENT", "ent", "Pro", "FREE", "PRO");
    private static final Map<String, String> PLANS = Map.of("FREE", "free", "PRO", "pro", "ENT", "enterprise");

    final int customers;

    CustomerData(int customers) {
        this.customers = customers;
    }

    int billingCustomers() {
        return customers * 8 / 10;
    }

    int supportCustomers() {
        return customers * 3 / 10;
    }

    static String key(int i) {
        return String.format("C%06d", i);
    }

    static int number(String key) {
        return Integer.parseInt(key.substring(1));
    }

    static String orphanKey(int i) {
        return String.format("C9%05d", i);
    }

    List<String> keys() {
        return IntStream.rangeClosed(1, customers).mapToObj(CustomerData::key).toList();
    }

    // --- the CRM

    static String name(int i) {
        return FIRST.get(i % FIRST.size()) + " " + LAST.get((i / FIRST.size()) % LAST.size());
    }

    static String email(int i) {
        return "customer" + i + "@example.com";
    }

    static String phone(int i) {
        return "+49 30 " + (1000000 + i);
    }

    static boolean badEmail(int i) {
        return i % 53 == 0;
    }

    static boolean blankName(int i) {
        return i % 150 == 77;
    }

    static boolean badPhone(int i) {
        return i % 150 == 99;
    }

    /** CRM rows that break the schema: quarantined at ingress, never written anywhere. */
    static boolean invalid(int i) {
        return badEmail(i) || blankName(i) || badPhone(i);
    }

    static String statusCode(int i) {
        return i % 17 == 0 ? "s" : i % 29 == 0 ? "C" : "A";
    }

    static String status(String code) {
        return switch (code.toUpperCase(Locale.ROOT)) {
            case "A" -> "active";
            case "S" -> "suspended";
            case "C" -> "closed";
            default -> throw new IllegalArgumentException(code);
        };
    }

    // --- billing

    /** Billing's own spelling of the plan; billing owns plans, so the CRM must end up with it. */
    static String planCode(int i) {
        return PLAN_CODES.get((i * 3 + 1) % PLAN_CODES.size());
    }

    static String plan(String planCode) {
        return PLANS.get(planCode.toUpperCase(Locale.ROOT));
    }

    /** Billing holds another e-mail for these; the CRM owns e-mails, so billing must get the CRM's. */
    static boolean billingOtherEmail(int i) {
        return i % 37 == 0;
    }

    static String billingEmail(int i) {
        return billingOtherEmail(i) ? "accounts-" + email(i) : email(i);
    }

    // --- support

    /** Support corrected the phone a day after the CRM's last change: last writer wins, so the CRM must get it. */
    boolean corrected(int i) {
        return i <= supportCustomers() && i % 10 == 0;
    }

    /** Support holds an old phone, older than the CRM's: it must be replaced by the CRM's. */
    boolean outdated(int i) {
        return i <= supportCustomers() && i % 10 == 5;
    }

    static String correctedPhone(int i) {
        return "+49 40 " + (2000000 + i);
    }

    static String outdatedPhone(int i) {
        return "+49 89 " + (3000000 + i);
    }

    /** Support believes these are on the enterprise plan; it may not write plans. */
    static boolean supportOtherPlan(int i) {
        return i % 20 == 0;
    }

    // --- seeding, as the systems' applications would insert the rows

    void seed(CustomerSystems systems) {
        List<Object[]> crm = new ArrayList<>();
        for (int i = 1; i <= customers; i++) {
            crm.add(new Object[] {key(i), crmName(i), badEmail(i) ? "not-an-email" : email(i), badPhone(i) ? "12-34" : phone(i),
                statusCode(i), LocalDate.parse("2020-01-01").plusDays(i % 1500), "free", CRM_START.plusSeconds(i / 50)});
        }
        systems.crm().batch("insert into " + systems.crmTable() + " (id, full_name, email, phone, status_code, signup_date,"
                + " plan, updated_at, row_version) values (?, ?, ?, ?, ?, ?, ?, ?, 1)", crm);

        List<Object[]> billing = new ArrayList<>();
        for (int i = 1; i <= billingCustomers(); i++) {
            billing.add(billingRow(key(i), billingEmail(i), i));
        }
        for (int i = 1; i <= ORPHANS; i++) {
            billing.add(billingRow(orphanKey(i), "orphan" + i + "@example.com", i));
        }
        systems.billing().batch("insert into " + systems.billingTable() + " (customer_ref, contact_email, plan_code,"
                + " payment_status, credit_limit_cents, modified_at, version) values (?, ?, ?, ?, ?, ?, 1)", billing);

        List<Object[]> support = new ArrayList<>();
        for (int i = 1; i <= supportCustomers(); i++) {
            String phone = corrected(i) ? correctedPhone(i) : outdated(i) ? outdatedPhone(i) : phone(i);
            LocalDateTime changed = corrected(i) ? SUPPORT_CORRECTED.plusSeconds(i) : SUPPORT_OLD.plusSeconds(i);
            support.add(new Object[] {key(i), name(i), email(i), phone, "active", supportOtherPlan(i) ? "enterprise" : "free", changed});
        }
        systems.support().batch("insert into " + systems.supportTable() + " (customer_id, display_name, email, phone, status,"
                + " plan, changed_at, row_version) values (?, ?, ?, ?, ?, ?, ?, 1)", support);
    }

    static String crmName(int i) {
        if (blankName(i)) {
            return "   ";
        }
        return i % 13 == 0 ? "  " + name(i) + "  " : name(i);
    }

    private static Object[] billingRow(String key, String email, int i) {
        return new Object[] {key, email, planCode(i), i % 23 == 0 ? "overdue" : i % 101 == 0 ? "failed" : "current",
            ((i * 37L) % 500 + 1) * 10_000L, BILLING_START.plusSeconds(i / 40)};
    }
}
