-- The demo MariaDB of docker-compose.yml: the billing system of examples/customers.contract.yaml. Run once,
-- on the first start of its volume.
create database if not exists billing;
use billing;
create table billing_accounts (
    customer_ref        varchar(16) primary key,
    contact_email       varchar(254),
    plan_code           varchar(8),
    payment_status      varchar(16),
    credit_limit_cents  bigint,
    modified_at         datetime(6) not null default utc_timestamp(6),
    version             bigint not null default 1
);
insert into billing_accounts (customer_ref, contact_email, plan_code, payment_status, credit_limit_cents) values
    ('C000001', 'ada@example.com', 'PRO', 'current', 500000),
    ('C000002', 'grace@example.com', 'ENT', 'current', 2500000),
    ('C000005', 'barbara@example.com', 'FREE', 'overdue', 0);
grant all privileges on billing.* to 'accord'@'%';
