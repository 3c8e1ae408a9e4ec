-- A timeline analysts can trust (issue 11): how each item was dated, the engine each signal came from, each
-- article's own verdict, story clusters, corrections and tombstones, levels that decay up to the moment of reading.

-- How an item's date was found: 'feed' (the publisher's date), 'first-seen' (none readable: filed under the poll
-- that first saw it) or 'backlog' (none readable, and seen on its source's first poll, so it may be years old: it
-- is kept, so that it is known, but never analysed into a shift). `analyzed_with` is the engine version of the
-- item's current signals; NULL for items analysed before versions were recorded, which re-analysis picks up.
ALTER TABLE items ADD COLUMN dating TEXT NOT NULL DEFAULT 'feed';
ALTER TABLE items ADD COLUMN analyzed_with TEXT;

-- Each signal records the engine version that produced it, whether its item's date was inferred, and the verdict
-- of its whole article for its pair (what `entente analyze` gives for that text): a day's shift is a vote of
-- articles, so the CLI and the service agree on a single article. NULL on signals stored before.
ALTER TABLE signals ADD COLUMN engine_version TEXT;
ALTER TABLE signals ADD COLUMN date_inferred INTEGER NOT NULL DEFAULT 0;
ALTER TABLE signals ADD COLUMN doc_direction TEXT;
ALTER TABLE signals ADD COLUMN doc_score REAL;
ALTER TABLE signals ADD COLUMN doc_confidence REAL;

-- Stories, not copies: the number of independent reports behind a shift (near-duplicate texts and one outlet's
-- articles count once), and the weight each direction received, so a reader can see why the day went one way.
ALTER TABLE shifts ADD COLUMN independent_sources INTEGER;
ALTER TABLE shifts ADD COLUMN votes TEXT;
-- Corrections: a published shift whose direction changed keeps its entry with the direction it had before and
-- when it changed; one whose evidence disappeared stays as a tombstone (withdrawn_at) for 30 days.
ALTER TABLE shifts ADD COLUMN previous_direction TEXT;
ALTER TABLE shifts ADD COLUMN corrected_at TEXT;
ALTER TABLE shifts ADD COLUMN correction_reason TEXT;
ALTER TABLE shifts ADD COLUMN withdrawn_at TEXT;
CREATE INDEX shifts_corrected ON shifts (corrected_at) WHERE corrected_at IS NOT NULL;
CREATE INDEX shifts_withdrawn ON shifts (withdrawn_at) WHERE withdrawn_at IS NOT NULL;

-- The running sums behind a pair's level as of its last day, so the level can be decayed to the day it is read.
ALTER TABLE pairs ADD COLUMN level_num REAL;
ALTER TABLE pairs ADD COLUMN level_den REAL;
UPDATE pairs SET
  level_num = (SELECT s.level_num FROM shifts s WHERE s.pair = pairs.pair AND s.day = pairs.last_day),
  level_den = (SELECT s.level_den FROM shifts s WHERE s.pair = pairs.pair AND s.day = pairs.last_day);

-- A dirty mark set by re-analysis, so that a correction says why it happened.
ALTER TABLE dirty_pair_days ADD COLUMN reanalysis INTEGER NOT NULL DEFAULT 0;

-- Every entry's `updated` is its own instant: shifts written by one aggregation shared one, which feed validators
-- flag. Ties among existing rows are spread a millisecond apart, in id order, and the data version moves past them.
CREATE TABLE shift_updated_ties AS
  SELECT id, updated, ROW_NUMBER() OVER (PARTITION BY updated ORDER BY id) - 1 AS k FROM shifts;
UPDATE shifts SET updated = (
  SELECT strftime('%Y-%m-%dT%H:%M:%fZ', t.updated, '+' || (t.k / 1000.0) || ' seconds') FROM shift_updated_ties t WHERE t.id = shifts.id)
  WHERE id IN (SELECT id FROM shift_updated_ties WHERE k > 0);
DROP TABLE shift_updated_ties;
UPDATE meta SET value = (SELECT MAX(updated) FROM shifts)
  WHERE key = 'changed_at' AND value < (SELECT MAX(updated) FROM shifts);
