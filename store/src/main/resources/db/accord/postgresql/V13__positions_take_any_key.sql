-- A source position is (cursor value, key), and a key is whatever the source holds: one longer than the golden
-- records keep is quarantined (KEY_TOO_LONG), but a page that ends on it still checkpoints after it. Checkpoints,
-- run starts, backfill chunk bounds and freshness checks keep positions and keys whole.
alter table flow_checkpoint alter column cursor_position type text;
alter table flow_checkpoint alter column cursor_key type text;
alter table flow_checkpoint alter column source_head_position type text;
alter table flow_checkpoint alter column source_head_key type text;
alter table sync_run alter column start_cursor_position type text;
alter table sync_run alter column start_cursor_key type text;
alter table backfill_chunk alter column after_key type text;
alter table backfill_chunk alter column last_key type text;
alter table backfill_chunk alter column last_key_done type text;
alter table freshness_check alter column checkpoint_position type text;
alter table freshness_check alter column checkpoint_key type text;
alter table freshness_check alter column head_position type text;
alter table freshness_check alter column head_key type text;
