-- A replica off the machine (store/replica): where the TUI of a single desk
-- replicates the ledger continuously while it is open (daicho serve takes
-- --replicate, or this). '' is no replication.
ALTER TABLE company ADD COLUMN replica_url TEXT NOT NULL DEFAULT '';
