-- The order signals were stored in, for incremental pulls (/api/signals.ndjson?cursor=): a consumer resumes after
-- the last sequence number it read. rowid cannot serve: SQLite hands out max(rowid) + 1 again once the newest rows
-- are deleted (re-analysis replaces an item's signals), and a consumer past those numbers would miss the new ones.
-- AUTOINCREMENT never reuses a number. A deleted signal leaves a tombstone at a new number, so a consumer learns
-- of deletions too; a signal stored again moves to a new number.
CREATE TABLE signal_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  signal_id TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  -- a tombstone's pair and day, so filtered pulls still see the deletions that concern them
  pair TEXT,
  day TEXT
);
CREATE INDEX signal_log_signal ON signal_log (signal_id);

INSERT INTO signal_log (signal_id) SELECT id FROM signals ORDER BY rowid;

CREATE TRIGGER signal_log_insert AFTER INSERT ON signals BEGIN INSERT INTO signal_log (signal_id) VALUES (NEW.id); END;
CREATE TRIGGER signal_log_delete AFTER DELETE ON signals BEGIN DELETE FROM signal_log WHERE signal_id = OLD.id; INSERT INTO signal_log (signal_id, deleted, pair, day) VALUES (OLD.id, 1, OLD.pair, OLD.day); END;
CREATE TRIGGER signal_log_update AFTER UPDATE ON signals BEGIN DELETE FROM signal_log WHERE signal_id = OLD.id; INSERT INTO signal_log (signal_id) VALUES (NEW.id); END;
