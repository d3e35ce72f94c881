-- Progress of every backfill chunk: a restarted chunk continues after last_key_done; a done chunk is
-- never redone.
create table backfill_chunk (
    run_id         varchar(64)  not null,
    chunk_no       integer      not null,
    after_key      varchar(255),
    last_key       varchar(255),
    last_key_done  varchar(255),
    pages          bigint       not null,
    records        bigint       not null,
    done           boolean      not null,
    updated_at     timestamp with time zone not null,
    primary key (run_id, chunk_no)
);
