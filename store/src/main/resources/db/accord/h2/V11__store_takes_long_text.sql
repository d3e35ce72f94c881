-- The store takes anything it must record. A quarantined record's key is kept whole (a key too long for the
-- golden records is exactly what gets quarantined), and the API's audit trail keeps the whole path and any
-- method a client sends. Narrower columns that are part of a unique constraint keep their width: the store
-- writes a prefix and a hash of longer values there (StoreText).
alter table quarantine alter column record_key set data type varchar;
alter table api_audit alter column method set data type varchar(32);
alter table api_audit alter column path set data type varchar;
