// Fills a migrated SQLite file straight through better-sqlite3 prepared statements: items and signals, and the
// shifts and pairs rows that src/aggregate would derive from them (mergeDay, levelSeries, currentDirection run
// on each pair's generated signals), so the read routes see what a long-running deployment would hold.
import { createHash } from 'node:crypto'
import Database from 'better-sqlite3'
import { currentDirection } from '../src/aggregate/current-direction.ts'
import { levelSeries } from '../src/aggregate/level-series.ts'
import { mergeDay, round, type DaySignal } from '../src/aggregate/merge-day.ts'
import { getEngine } from '../src/analyze/engine.ts'
import type { Direction } from '../src/types.ts'
import { createRng } from './prng.ts'

/**
 * The same news flow at every scale: a store with more signals is an older deployment, not a denser one, so
 * a page of any feed holds the same kind of shifts (same evidence per shift) whatever the size of the store.
 * At this rate 10,000 signals span 60 days and 1,000,000 span 16 years.
 */
export const SIGNALS_PER_DAY = 10_000 / 60
const LAST_DAY = Date.UTC(2025, 4, 31)
const SOURCES = 200

const CUES: [phrase: string, cue: string, direction: Direction, score: number][] = [
  ['restored diplomatic relations with', 'ties.restore', 'improving', 0.8],
  ['imposed sanctions on', 'sanctions.impose', 'deteriorating', -0.6],
  ['has yet to resume talks with', 'standstill.yet-to-resume', 'frozen', -0.2],
  ['signed a trade agreement with', 'agreement.sign', 'improving', 0.6],
  ['accused', 'accusation.accuse', 'deteriorating', -0.4],
  ['held talks with', 'visit.talks', 'stable', 0.2],
  ['launched missile strikes on', 'strike.missile', 'deteriorating', -0.9],
]

export interface StoreShape {
  pairs: string[]
  /** the pair with the most signals: the heaviest pair feed */
  hottest: string
  signals: number
  items: number
  shifts: number
  days: number
}

/** 1,000 pairs (or `pairCount`) from the gazetteer's states, with skewed activity as in real news. */
function choosePairs(pairCount: number): [string, string][] {
  const ids = [...getEngine().gazetteer.actors.values()]
    .filter((a) => a.kind === 'state')
    .map((a) => a.id)
    .slice(0, 60)
  const all: [string, string][] = []
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++) all.push(ids[i]! < ids[j]! ? [ids[i]!, ids[j]!] : [ids[j]!, ids[i]!])
  const rng = createRng(99)
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1))
    ;[all[i], all[j]] = [all[j]!, all[i]!]
  }
  return all.slice(0, pairCount)
}

const isoDay = (dayIndex: number) => new Date(LAST_DAY + dayIndex * 86_400_000).toISOString().slice(0, 10)

export function generateStore(
  path: string,
  totalSignals: number,
  pairCount = 1000,
  onProgress: (pct: number) => void = () => {},
): StoreShape {
  const db = new Database(path)
  // A throwaway bulk load: no journal, a large page cache. openSqlite turns WAL back on when the app opens it.
  db.pragma('journal_mode = OFF')
  db.pragma('synchronous = OFF')
  db.pragma('cache_size = -524288')
  const span = Math.max(1, Math.round(totalSignals / SIGNALS_PER_DAY))
  const name = (id: string) => getEngine().gazetteer.name(id)
  const insItem = db.prepare(
    'INSERT INTO items (id, source_url, source_title, guid, url, title, text, published, fetched_at, content_hash, signal_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  )
  const insSignal = db.prepare(
    'INSERT INTO signals (id, item_id, pair, a, b, day, published, direction, score, confidence, flags, cues, sentence, mentions, source_url, source_title, item_url) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  )
  const insShift = db.prepare(
    'INSERT INTO shifts (id, pair, a, b, day, direction, score, confidence, weight, level_before, level_after, level_num, level_den, sources, signals, evidence, published, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  )
  const insPair = db.prepare(
    'INSERT INTO pairs (pair, a, b, level, direction, last_day, last_direction, last_score, shift_count, signal_count, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  )
  const pairs = choosePairs(pairCount)
  // Zipf-like activity: a few pairs dominate the news, most appear now and then.
  const weights = pairs.map((_, k) => (k + 10) ** -0.8)
  const weightSum = weights.reduce((a, b) => a + b, 0)
  const rng = createRng(totalSignals)
  let items = 0
  let signals = 0
  let shifts = 0
  const updated = new Date(LAST_DAY + 86_400_000).toISOString()

  const writePair = (k: number) => {
    const [a, b] = pairs[k]!
    const pair = `${a}--${b}`
    const quota = Math.max(1, Math.round((totalSignals * weights[k]!) / weightSum))
    const byDay = new Map<number, DaySignal[]>()
    for (let n = 0; n < quota;) {
      const day = -rng.int(0, span - 1)
      const published = `${isoDay(day)}T${String(rng.int(0, 23)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00.000Z`
      const src = rng.int(0, SOURCES - 1)
      const sourceUrl = `https://desk${src}.example/feed`
      const sourceTitle = `World Desk ${src}`
      const itemId = createHash('sha256').update(`${pair}:${n}`).digest('hex').slice(0, 32)
      const url = `https://desk${src}.example/world/${pair}/${n}`
      const perItem = Math.min(quota - n, rng.int(1, 2))
      const rows: unknown[][] = []
      for (let s = 0; s < perItem; s++) {
        const [phrase, cue, direction, score] = rng.pick(CUES)
        const [x, y] = rng.next() < 0.5 ? [a, b] : [b, a]
        const sentence = `${name(x)} ${phrase} ${name(y)} on ${isoDay(day)}, officials said in a statement carried by state media.`
        const confidence = round(0.5 + rng.next() * 0.45)
        const mentions = JSON.stringify([
          { text: name(x), actor: x, rollup: x, via: 'name', role: 'party', start: 0, end: name(x).length },
          {
            text: name(y),
            actor: y,
            rollup: y,
            via: 'name',
            role: 'party',
            start: name(x).length + phrase.length + 2,
            end: name(x).length + phrase.length + 2 + name(y).length,
          },
        ])
        rows.push([
          `${itemId}:${s}:${pair}`,
          itemId,
          pair,
          a,
          b,
          isoDay(day),
          published,
          direction,
          score,
          confidence,
          '[]',
          JSON.stringify([cue]),
          sentence,
          mentions,
          sourceUrl,
          sourceTitle,
          url,
        ])
        const list = byDay.get(day) ?? []
        list.push({
          direction,
          score,
          confidence,
          flags: [],
          sentence,
          sourceUrl,
          sourceTitle,
          itemUrl: url,
          published,
        })
        byDay.set(day, list)
      }
      const sentences = rows.map((r) => r[12] as string)
      const title = sentences[0]!.slice(0, 80)
      insItem.run(
        itemId,
        sourceUrl,
        sourceTitle,
        url,
        url,
        title,
        `${title}\n${sentences.join(' ')}`,
        published,
        published,
        itemId,
        perItem,
      )
      for (const r of rows) insSignal.run(...r)
      n += perItem
      signals += perItem
      items++
    }
    const days = [...byDay.keys()].sort((x, y) => x - y)
    const merged = days.map((d) => mergeDay(byDay.get(d)!))
    const levels = levelSeries(
      days.map((d, i) => ({ day: isoDay(d), score: merged[i]!.score, weight: merged[i]!.weight })),
    )
    let direction: Direction | null = null
    days.forEach((d, i) => {
      const m = merged[i]!
      const day = isoDay(d)
      insShift.run(
        `${pair}/${day}`,
        pair,
        a,
        b,
        day,
        m.direction,
        m.score,
        m.confidence,
        m.weight,
        levels[i]!.before,
        levels[i]!.after,
        levels[i]!.num,
        levels[i]!.den,
        m.sources,
        m.signals,
        JSON.stringify(m.evidence),
        m.firstPublished,
        updated,
      )
      direction = currentDirection(
        days.slice(Math.max(0, i - 9), i + 1).map((dd, j) => ({
          day: isoDay(dd),
          direction: merged[j + Math.max(0, i - 9)]!.direction,
          score: merged[j + Math.max(0, i - 9)]!.score,
          confidence: merged[j + Math.max(0, i - 9)]!.confidence,
        })),
        direction,
      )
      shifts++
    })
    const last = merged[merged.length - 1]!
    insPair.run(
      pair,
      a,
      b,
      levels[levels.length - 1]!.after,
      direction ?? 'stable',
      isoDay(days[days.length - 1]!),
      last.direction,
      round(last.score),
      days.length,
      quota,
      updated,
    )
  }
  // Secondary indexes are dropped for the load and rebuilt from their own definitions (those of sql/) after it:
  // one sort per index instead of a million random B-tree inserts.
  const indexes = db
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('items', 'signals', 'shifts', 'pairs')",
    )
    .all() as { name: string; sql: string }[]
  for (const ix of indexes) db.exec(`DROP INDEX ${ix.name}`)
  // One transaction for the whole load: a commit per pair made the load I/O-bound.
  db.transaction(() => {
    for (let k = 0; k < pairs.length; k++) {
      writePair(k)
      if (k % 250 === 249) onProgress(Math.round((100 * (k + 1)) / pairs.length))
    }
  })()
  for (const ix of indexes) db.exec(ix.sql)
  db.prepare(
    "INSERT INTO meta (key, value) VALUES ('changed_at', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  ).run(updated)
  db.close()
  return {
    pairs: pairs.map(([a, b]) => `${a}--${b}`),
    hottest: `${pairs[0]![0]}--${pairs[0]![1]}`,
    signals,
    items,
    shifts,
    days: span,
  }
}
