package dev.accord.worker;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The three systems of the customer contract, created fresh for one test: either CRM and support in a
 * schema of their own on the local PostgreSQL and billing in a database of its own on the local MariaDB,
 * or three in-memory H2 databases shaped like the starter's demo systems. Tables carry a version column
 * and a change-tracking timestamp; on PostgreSQL and MariaDB the applications' updates set the timestamp
 * explicitly (no triggers), so Accord's own updates do not come back through the cursors, while rows
 * Accord inserts get the current time by default and do. The H2 tables bump it on every update, like the
 * demo's. Table names are as the contract and the SQL name them ({@code it_ab12.crm_customers}); the
 * environment holds the connection settings the contract's {@code url-env} and {@code user-env} name.
 */
record CustomerSystems(String id, Db crm, Db billing, Db support, String crmTable, String billingTable, String supportTable,
                       Map<String, String> environment, Runnable dropper) implements AutoCloseable {

    /** CRM and support in schema {@code id} of PostgreSQL, billing in database {@code id} of MariaDB. */
    static CustomerSystems onServers(String id) {
        Db postgres = Db.postgres();
        Db mariadb = Db.mariadb();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("CRM_JDBC_URL", Db.POSTGRES_URL);
        environment.put("CRM_DB_USER", "postgres");
        environment.put("BILLING_JDBC_URL", Db.MARIADB_URL);
        environment.put("BILLING_DB_USER", "root");
        environment.put("SUPPORT_JDBC_URL", Db.POSTGRES_URL);
        environment.put("SUPPORT_DB_USER", "postgres");
        CustomerSystems systems = new CustomerSystems(id, postgres, mariadb, postgres, id + ".crm_customers",
                id + ".billing_accounts", id + ".support_contacts", environment, () -> {
                    postgres.execute("drop schema if exists " + id + " cascade");
                    mariadb.execute("drop database if exists " + id);
                });
        try {
            systems.createOnServers();
        } catch (RuntimeException e) {
            systems.close();
            throw e;
        }
        return systems;
    }

    private void createOnServers() {
        Db postgres = crm;
        Db mariadb = billing;
        postgres.execute("create schema " + id);
        mariadb.execute("create database " + id);
        postgres.execute("""
                create table %s (
                    id varchar(16) primary key,
                    full_name varchar(200),
                    email varchar(254),
                    phone varchar(40),
                    status_code char(1),
                    signup_date date,
                    plan varchar(20),
                    updated_at timestamp(6) not null default (now() at time zone 'Europe/Berlin'),
                    row_version bigint not null,
                    deleted_at timestamp(6))""".formatted(crmTable));
        mariadb.execute("""
                create table %s (
                    customer_ref varchar(16) primary key,
                    contact_email varchar(254),
                    plan_code varchar(8),
                    payment_status varchar(16),
                    credit_limit_cents bigint,
                    modified_at datetime(6) not null default utc_timestamp(6),
                    version bigint not null)""".formatted(billingTable));
        postgres.execute("""
                create table %s (
                    customer_id varchar(16) primary key,
                    display_name varchar(200),
                    email varchar(254),
                    phone varchar(40),
                    status varchar(16),
                    plan varchar(20),
                    changed_at timestamp(6) not null default (now() at time zone 'UTC'),
                    row_version bigint not null)""".formatted(supportTable));
    }

    /** Three in-memory H2 databases with the starter's demo DDL, for the demo contract. */
    static CustomerSystems inH2(String id) {
        Db crm = Db.h2(h2Url(id + "_crm", "Europe/Berlin"));
        Db billing = Db.h2(h2Url(id + "_billing", "UTC"));
        Db support = Db.h2(h2Url(id + "_support", "UTC"));
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("CRM_JDBC_URL", crm.url());
        environment.put("CRM_DB_USER", "sa");
        environment.put("BILLING_JDBC_URL", billing.url());
        environment.put("BILLING_DB_USER", "sa");
        environment.put("SUPPORT_JDBC_URL", support.url());
        environment.put("SUPPORT_DB_USER", "sa");
        crm.execute("""
                create table crm_customers (
                    id varchar(16) primary key,
                    full_name varchar(200),
                    email varchar(254),
                    phone varchar(40),
                    status_code char(1),
                    signup_date date,
                    plan varchar(20),
                    updated_at timestamp default localtimestamp on update localtimestamp not null,
                    row_version bigint not null,
                    deleted_at timestamp)""");
        billing.execute("""
                create table billing_accounts (
                    customer_ref varchar(16) primary key,
                    contact_email varchar(254),
                    plan_code varchar(8),
                    payment_status varchar(16),
                    credit_limit_cents bigint,
                    modified_at timestamp default localtimestamp on update localtimestamp not null,
                    version bigint not null)""");
        support.execute("""
                create table support_contacts (
                    customer_id varchar(16) primary key,
                    display_name varchar(200),
                    email varchar(254),
                    phone varchar(40),
                    status varchar(16),
                    plan varchar(20),
                    changed_at timestamp default localtimestamp on update localtimestamp not null,
                    row_version bigint not null)""");
        return new CustomerSystems(id, crm, billing, support, "crm_customers", "billing_accounts", "support_contacts",
                environment, () -> {
                    crm.execute("shutdown");
                    billing.execute("shutdown");
                    support.execute("shutdown");
                });
    }

    private static String h2Url(String name, String zone) {
        return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE;TIME ZONE=" + zone;
    }

    /** A contract text naming this test's tables instead of the example's. */
    String qualify(String contract) {
        return contract.replace("table: crm_customers", "table: " + crmTable)
                .replace("table: billing_accounts", "table: " + billingTable)
                .replace("table: support_contacts", "table: " + supportTable);
    }

    Map<String, Map<String, Object>> crmRows() {
        return crm.rowsByKey("select * from " + crmTable + " order by id");
    }

    Map<String, Map<String, Object>> billingRows() {
        return billing.rowsByKey("select * from " + billingTable + " order by customer_ref");
    }

    Map<String, Map<String, Object>> supportRows() {
        return support.rowsByKey("select * from " + supportTable + " order by customer_id");
    }

    /** Every row of every system, by system then key. */
    Map<String, Map<String, Map<String, Object>>> snapshot() {
        Map<String, Map<String, Map<String, Object>>> all = new LinkedHashMap<>();
        all.put("crm", crmRows());
        all.put("billing", billingRows());
        all.put("support", supportRows());
        return all;
    }

    @Override
    public void close() {
        dropper.run();
    }

    /** Columns of a target row that only track changes (versions, change times), left out when comparing contents. */
    static final java.util.Set<String> BOOKKEEPING = java.util.Set.of("row_version", "version", "updated_at", "modified_at", "changed_at");

    /** The business columns of billing's and support's rows (versions and change-tracking times left out), by target. */
    Map<String, Map<String, Map<String, Object>>> targetContents() {
        Map<String, Map<String, Map<String, Object>>> targets = new LinkedHashMap<>();
        targets.put("billing", business(billingRows()));
        targets.put("support", business(supportRows()));
        return targets;
    }

    private static Map<String, Map<String, Object>> business(Map<String, Map<String, Object>> rows) {
        Map<String, Map<String, Object>> business = new java.util.TreeMap<>();
        rows.forEach((key, row) -> {
            Map<String, Object> columns = new java.util.TreeMap<>(row);
            columns.keySet().removeAll(BOOKKEEPING);
            business.put(key, columns);
        });
        return business;
    }
}
