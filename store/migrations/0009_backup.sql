-- Backups: where `daicho backup` and the daily automatic backup write their
-- copies, and how many they keep. '' is the backups folder next to the
-- database; older copies beyond backup_keep are removed, only after a new one
-- has been written and checked.
ALTER TABLE company ADD COLUMN backup_dir TEXT NOT NULL DEFAULT '';
ALTER TABLE company ADD COLUMN backup_keep INTEGER NOT NULL DEFAULT 14 CHECK (backup_keep BETWEEN 1 AND 999);
