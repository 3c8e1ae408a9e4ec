-- Entente schema. Applied in order by the Node migrator and by `wrangler d1 migrations apply` alike;
-- both record applied files in d1_migrations.

CREATE TABLE sources (
  url TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  site_url TEXT,
  etag TEXT,
  last_modified TEXT,
  last_polled_at TEXT,
  last_ok_at TEXT,
  last_outcome TEXT,
  last_status INTEGER,
  last_error TEXT,
  failures INTEGER NOT NULL DEFAULT 0,
  next_poll_at TEXT,
  item_count INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE items (
  id TEXT PRIMARY KEY,
  source_url TEXT NOT NULL,
  source_title TEXT NOT NULL,
  guid TEXT NOT NULL,
  url TEXT,
  title TEXT NOT NULL,
  text TEXT NOT NULL,
  published TEXT NOT NULL,
  fetched_at TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  signal_count INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX items_source_guid ON items (source_url, guid);
CREATE UNIQUE INDEX items_url ON items (url) WHERE url IS NOT NULL;
CREATE UNIQUE INDEX items_content_hash ON items (content_hash);
CREATE INDEX items_published ON items (published);

CREATE TABLE signals (
  id TEXT PRIMARY KEY,
  item_id TEXT NOT NULL REFERENCES items (id),
  pair TEXT NOT NULL,
  a TEXT NOT NULL,
  b TEXT NOT NULL,
  day TEXT NOT NULL,
  published TEXT NOT NULL,
  direction TEXT NOT NULL,
  score REAL NOT NULL,
  confidence REAL NOT NULL,
  flags TEXT NOT NULL,
  cues TEXT NOT NULL,
  sentence TEXT NOT NULL,
  mentions TEXT NOT NULL,
  source_url TEXT NOT NULL,
  source_title TEXT NOT NULL,
  item_url TEXT
);
CREATE INDEX signals_pair_day ON signals (pair, day);
CREATE INDEX signals_item ON signals (item_id);

CREATE TABLE shifts (
  id TEXT PRIMARY KEY,
  pair TEXT NOT NULL,
  a TEXT NOT NULL,
  b TEXT NOT NULL,
  day TEXT NOT NULL,
  direction TEXT NOT NULL,
  score REAL NOT NULL,
  confidence REAL NOT NULL,
  weight REAL NOT NULL,
  level_before REAL NOT NULL,
  level_after REAL NOT NULL,
  sources INTEGER NOT NULL,
  signals INTEGER NOT NULL,
  evidence TEXT NOT NULL,
  published TEXT NOT NULL,
  updated TEXT NOT NULL
);
CREATE UNIQUE INDEX shifts_pair_day ON shifts (pair, day);
CREATE INDEX shifts_day ON shifts (day DESC, id DESC);
CREATE INDEX shifts_a_day ON shifts (a, day DESC, id DESC);
CREATE INDEX shifts_b_day ON shifts (b, day DESC, id DESC);
CREATE INDEX shifts_direction_day ON shifts (direction, day DESC, id DESC);

-- One row per pair with its current state, so listings never scan signals.
CREATE TABLE pairs (
  pair TEXT PRIMARY KEY,
  a TEXT NOT NULL,
  b TEXT NOT NULL,
  level REAL NOT NULL,
  direction TEXT NOT NULL,
  last_day TEXT NOT NULL,
  last_direction TEXT NOT NULL,
  last_score REAL NOT NULL,
  shift_count INTEGER NOT NULL,
  signal_count INTEGER NOT NULL,
  updated TEXT NOT NULL
);
CREATE INDEX pairs_a ON pairs (a);
CREATE INDEX pairs_b ON pairs (b);
CREATE INDEX pairs_last_day ON pairs (last_day DESC);

-- Pair-days whose signals changed and whose shift must be recomputed. Written in the same batch as the
-- signals, so a poll that dies before aggregating leaves the work recorded for the next one.
CREATE TABLE dirty_pair_days (
  pair TEXT NOT NULL,
  day TEXT NOT NULL,
  PRIMARY KEY (pair, day)
);

CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Until the first shift, feeds are dated from the database's creation, never the epoch.
INSERT INTO meta (key, value) VALUES ('created_at', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
