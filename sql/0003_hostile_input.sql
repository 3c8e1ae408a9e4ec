-- Hostile publishers and concurrent polls (issue 13).

-- A source's items are matched by guid, link or content within that source only: a feed that claims another
-- site's link or copies its text first must not hide that site's article. Copies across sources are kept, one
-- item per source (story clustering groups them later).
DROP INDEX items_url;
DROP INDEX items_content_hash;
CREATE INDEX items_source_url ON items (source_url, url);
CREATE INDEX items_source_hash ON items (source_url, content_hash);

-- A dirty mark's version moves whenever new signals land on its pair-day; aggregation clears a mark only at the
-- version it read, so signals stored while it worked are never dropped with the mark.
ALTER TABLE dirty_pair_days ADD COLUMN version INTEGER NOT NULL DEFAULT 0;

-- One aggregator per pair at a time: a claim is taken before a pair's rows are read and released in the batch
-- that writes them. `until` lets the claim of an aggregator that died lapse.
CREATE TABLE aggregate_claims (
  pair TEXT PRIMARY KEY,
  token TEXT NOT NULL,
  until TEXT NOT NULL
);

-- Only http(s) links leave ingest now; links stored before are dropped rather than published.
UPDATE items SET url = NULL WHERE url IS NOT NULL AND url NOT LIKE 'http://%' AND url NOT LIKE 'https://%';
UPDATE signals SET item_url = NULL WHERE item_url IS NOT NULL AND item_url NOT LIKE 'http://%' AND item_url NOT LIKE 'https://%';
UPDATE sources SET site_url = NULL WHERE site_url IS NOT NULL AND site_url NOT LIKE 'http://%' AND site_url NOT LIKE 'https://%';
