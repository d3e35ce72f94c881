-- Field changes parked for a human decision (merge strategy review, or a contract rule). One open review
-- per field: a newer proposal replaces a pending one (the field history keeps both).
create table review_queue (
    review_id              varchar(400) primary key,
    domain_name            varchar(64)  not null,
    record_key             varchar(255) not null,
    field_name             varchar(64)  not null,
    proposed_json          varchar,
    proposed_version_json  varchar         not null,
    current_json           varchar,
    current_version_json   varchar,
    reason                 varchar,
    flow                   varchar(64)  not null,
    run_id                 varchar(64)  not null,
    status                 varchar(24)  not null,
    default_action         varchar(16)  not null,
    deadline               timestamp with time zone not null,
    decided_by             varchar(128),
    decision_note          varchar,
    decided_at             timestamp with time zone,
    created_at             timestamp with time zone not null
);
create index review_queue_status on review_queue (status, created_at);
