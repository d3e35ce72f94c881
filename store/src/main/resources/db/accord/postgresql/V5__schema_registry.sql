-- The schema registry: every version of every domain's canonical schema, with the compatibility mode it
-- was checked under and the contract that brought it. A registered version never changes; a new schema
-- gets a new version, checked against the earlier ones (accord contract register).
create table schema_registry (
    domain_name       varchar(64)  not null,
    version           integer      not null,
    schema_json       text      not null,
    compatibility     varchar(32)  not null,
    contract_name     varchar(255) not null,
    contract_version  varchar(32)  not null,
    contract_hash     varchar(80)  not null,
    registered_by     varchar(255),
    registered_at     timestamp with time zone not null,
    primary key (domain_name, version)
);
