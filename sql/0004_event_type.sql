-- Each signal records the PLOVER event type of the act it reports (AGREE … ASSAULT). Signals stored before this
-- migration have none until they are analysed again.
ALTER TABLE signals ADD COLUMN event_type TEXT;
