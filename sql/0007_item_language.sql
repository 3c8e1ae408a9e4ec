-- Languages (issue 12). Each item records the language detected at ingest (ISO 639-3: eng, por, urd…; und when
-- too short to tell). The engine reads English: items in other languages are stored and counted, not analysed.
-- Items stored before this migration have none.
ALTER TABLE items ADD COLUMN language TEXT;
CREATE INDEX items_source_language ON items (source_url, language);

-- Kept per source with each poll's outcome, so /healthz and /api/sources read one row per source and never count
-- items: the signals its items yielded, and its items per language as a JSON object ({"eng": 12, "por": 3}).
ALTER TABLE sources ADD COLUMN signal_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sources ADD COLUMN languages TEXT NOT NULL DEFAULT '{}';
UPDATE sources SET signal_count = (SELECT COALESCE(SUM(items.signal_count), 0) FROM items WHERE items.source_url = sources.url);
