-- The demo PostgreSQL of docker-compose.yml: the CRM and the support desk of examples/customers.contract.yaml,
-- and the Accord store (database accord, migrated by the worker). Run once, on the first start of its volume.
create database crm;
create database support;
create database accord;

\connect crm
create table crm_customers (
    id           varchar(16) primary key,
    full_name    varchar(200),
    email        varchar(254),
    phone        varchar(40),
    status_code  char(1),
    signup_date  date,
    plan         varchar(20),
    updated_at   timestamp(6) not null default (now() at time zone 'Europe/Berlin'),
    row_version  bigint not null default 1,
    deleted_at   timestamp(6)
);
insert into crm_customers (id, full_name, email, phone, status_code, signup_date, plan) values
    ('C000001', 'Ada Lovelace', 'ada@example.com', '+441632960001', 'A', '2021-03-01', 'pro'),
    ('C000002', 'Grace Hopper', 'grace@example.com', '+12025550102', 'A', '2021-05-17', 'enterprise'),
    ('C000003', 'Alan Turing', 'alan@example.com', '+441632960003', 'S', '2022-01-09', 'free'),
    ('C000004', 'Edsger Dijkstra', 'not-an-email', '+31205550104', 'A', '2022-02-02', 'pro');

\connect support
create table support_contacts (
    customer_id   varchar(16) primary key,
    display_name  varchar(200),
    email         varchar(254),
    phone         varchar(40),
    status        varchar(16),
    plan          varchar(20),
    changed_at    timestamp(6) not null default (now() at time zone 'UTC'),
    row_version   bigint not null default 1
);
