-- The before-image of a target write in the target's own values (spellings, units, unmapped-to-canonical
-- precision), so a rollback restores the row exactly as it was, not as the canonical model reads it.
alter table change_log add column before_local_json text;
