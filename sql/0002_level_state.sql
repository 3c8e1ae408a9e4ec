-- The decayed running sums behind level_after, unrounded, so aggregation resumes from the day before the
-- first changed one instead of re-reading a pair's whole history. NULL on rows written before this migration:
-- aggregation then rebuilds them from the full history once.
ALTER TABLE shifts ADD COLUMN level_num REAL;
ALTER TABLE shifts ADD COLUMN level_den REAL;
