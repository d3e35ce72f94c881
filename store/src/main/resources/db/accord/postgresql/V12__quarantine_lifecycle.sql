-- Quarantine entries have a life: open until an operator replays the record (replayed) or gives it up
-- (discarded), with who acted, when and why; a replay records its workflow, run and outcome. An entry
-- quarantined again (a retried page, a replay that fails again) counts the sighting, and a replayed entry
-- goes back to open; a discarded one stays discarded.
alter table quarantine add column state varchar(16) not null default 'open';
alter table quarantine add column seen_count bigint not null default 1;
alter table quarantine add column last_seen_at timestamp with time zone;
update quarantine set last_seen_at = created_at;
alter table quarantine alter column last_seen_at set not null;
alter table quarantine add column acted_by varchar(128);
alter table quarantine add column acted_at timestamp with time zone;
alter table quarantine add column act_note text;
alter table quarantine add column replay_workflow_id varchar(255);
alter table quarantine add column replay_run_id varchar(64);
alter table quarantine add column replay_outcome text;
create index quarantine_state on quarantine (state, flow, reason_code);
