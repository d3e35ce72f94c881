-- A rollback reads a run's changes newest first, a page at a time: the index serves each page directly
-- instead of sorting all of the run's changes for every page. It also serves everything the old
-- run-only index did.
create index applied_change_run_seq on applied_change (run_id, seq);
drop index applied_change_run;
