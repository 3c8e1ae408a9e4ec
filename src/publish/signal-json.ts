// One signal as /api/signals.ndjson and `entente export --format ndjson` write it: one JSON object per line, with
// the cursor to resume after it. A deleted signal (re-analysis replaced it) is a tombstone line.
import { httpUrl } from '../ingest/http-url.ts'
import type { SignalRow } from '../store/schema.ts'
import type { SignalLogEntry } from '../store/signal-log.ts'
import { publishable } from './escape.ts'

const parsed = <T>(json: string, fallback: T): T => {
  try {
    return JSON.parse(json) as T
  } catch {
    return fallback
  }
}

function signalObject(cursor: string, s: SignalRow) {
  return {
    cursor,
    id: s.id,
    item_id: s.item_id,
    pair: s.pair,
    a: s.a,
    b: s.b,
    day: s.day,
    published: s.published,
    direction: s.direction,
    score: s.score,
    confidence: s.confidence,
    event_type: s.event_type,
    flags: parsed<string[]>(s.flags, []),
    cues: parsed<string[]>(s.cues, []),
    sentence: s.sentence,
    mentions: parsed<{ text: string; actor: string; rollup: string; via: string; role: string }[]>(s.mentions, []).map(
      ({ text, actor, rollup, via, role }) => ({ text, actor, rollup, via, role }),
    ),
    source: s.source_title,
    source_url: httpUrl(s.source_url),
    url: httpUrl(s.item_url),
  }
}

export function signalLine(entry: SignalLogEntry): string {
  const cursor = String(entry.seq)
  const value = entry.deleted
    ? { cursor, id: entry.id, deleted: true, pair: entry.pair, day: entry.day }
    : signalObject(cursor, entry.signal)
  return JSON.stringify(value, publishable) + '\n'
}
