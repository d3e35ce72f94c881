-- A source position is (cursor value, key), and a key is whatever the source holds: one longer than the golden
-- records keep is quarantined (KEY_TOO_LONG), but a page that ends on it still checkpoints after it. Checkpoints,
-- run starts, backfill chunk bounds and freshness checks keep positions and keys whole.
alter table flow_checkpoint alter column cursor_position set data type varchar;
alter table flow_checkpoint alter column cursor_key set data type varchar;
alter table flow_checkpoint alter column source_head_position set data type varchar;
alter table flow_checkpoint alter column source_head_key set data type varchar;
alter table sync_run alter column start_cursor_position set data type varchar;
alter table sync_run alter column start_cursor_key set data type varchar;
alter table backfill_chunk alter column after_key set data type varchar;
alter table backfill_chunk alter column last_key set data type varchar;
alter table backfill_chunk alter column last_key_done set data type varchar;
alter table freshness_check alter column checkpoint_position set data type varchar;
alter table freshness_check alter column checkpoint_key set data type varchar;
alter table freshness_check alter column head_position set data type varchar;
alter table freshness_check alter column head_key set data type varchar;
