// Aggregates every pair-day marked dirty: claims pairs, reads what they need, has aggregate/recompute-pair.ts
// recompute their shifts, levels and current state, and writes the result. A pair's writes, the clearing of its dirty
// marks (at the versions read) and the release of its claim always land in the same batch, with the data version when
// a published shift changed, so re-running after a crash is safe, and signals stored while a pair was being
// aggregated keep their mark for the next run.
import { recomputePair, totalsBefore } from '../aggregate/recompute-pair.ts'
import { yieldToEventLoop } from '../yield-to-event-loop.ts'
import { claimedMarks, claimQuery, releaseAllQuery, type DirtyMark } from './aggregate-claims.ts'
import { priorHistory, readChunk, type ChunkRows } from './aggregate-reads.ts'
import { Writes } from './aggregate-writes.ts'
import { PAIR_TERMS } from './d1-limits.ts'
import type { Db, SignalRow } from './schema.ts'

export interface AggregateResult {
  pairs: number
  shiftsChanged: number
  /** the pairs whose published shifts changed, sorted: their feeds (and their actors' and the global one) changed */
  changedPairs: string[]
  /** published shifts corrected or withdrawn: the corrections feed changed */
  corrected: number
}

// Claims of PAIR_TERMS pairs keep the range reads within D1's bound parameters; one commit serves many pairs.
const PAIRS_PER_READ = PAIR_TERMS
const ROWS_PER_BATCH = 400

export async function aggregateDirty(db: Db, now: Date, maxRows = 5000): Promise<AggregateResult> {
  let shiftsChanged = 0
  let pairsDone = 0
  const changedPairs = new Set<string>()
  let corrected = 0
  let budget = maxRows
  const at = now.toISOString()
  const pending = new Writes(at)
  const tokens: string[] = []
  // Nothing dirty, nothing to claim: a poll in which every source answered 304 writes nothing here.
  if (!(await db.kysely.selectFrom('dirty_pair_days').select('pair').limit(1).executeTakeFirst()))
    return { pairs: 0, shiftsChanged: 0, changedPairs: [], corrected: 0 }
  try {
    while (budget > 0) {
      const token = crypto.randomUUID()
      tokens.push(token)
      await db.batch([claimQuery(db, token, now, PAIRS_PER_READ)])
      const marks = await claimedMarks(db, token)
      if (!marks.length) {
        // Writing what is pending releases its claims; pairs that gained marks meanwhile are claimable again, so
        // the run ends only when a claim finds nothing while it holds nothing.
        if (!pending.size()) break
        await db.batch(pending.take(db))
        continue
      }
      budget -= marks.length
      const byPair = new Map<string, DirtyMark[]>()
      for (const m of marks) byPair.set(m.pair, [...(byPair.get(m.pair) ?? []), m])
      const chunk = [...byPair].map(([pair, list]) => ({
        pair,
        marks: list,
        days: list.map((m) => m.day),
        first: list.reduce((min, m) => (m.day < min ? m.day : min), list[0]!.day),
      }))
      pairsDone += chunk.length
      const ctx = await readChunk(db, chunk)
      for (const { pair, marks } of chunk) {
        const { changed, corrections } = await aggregatePair(db, ctx, pair, marks, now, pending)
        shiftsChanged += changed
        corrected += corrections
        if (changed) changedPairs.add(pair)
        pending.clean.push({ pair, marks, token })
        // A pair's writes never straddle two batches, so every batch leaves each pair either done or still dirty.
        if (pending.size() >= ROWS_PER_BATCH) await db.batch(pending.take(db))
        // Aggregation of thousands of pairs is long synchronous work on SQLite: let requests through between pairs.
        await yieldToEventLoop()
      }
    }
    if (pending.size()) await db.batch(pending.take(db))
  } catch (err) {
    // Claims lapse on their own; releasing them now lets the next run start at once.
    await db.batch([releaseAllQuery(db, tokens)]).catch(() => {})
    throw err
  }
  return { pairs: pairsDone, shiftsChanged, changedPairs: [...changedPairs].sort(), corrected }
}

/** Recomputes one claimed pair (aggregate/recompute-pair.ts) from what the store holds, and queues its writes. */
async function aggregatePair(
  db: Db,
  ctx: ChunkRows,
  pair: string,
  marks: DirtyMark[],
  now: Date,
  pending: Writes,
): Promise<{ changed: number; corrections: number }> {
  const from = ctx.full.get(pair) ?? []
  const prior = ctx.pairs.get(pair)
  // The pair row is written with its shifts, so its totals less the days about to be recomputed are the totals
  // of the days before them.
  const before = await priorHistory(db, pair, ctx.tails.get(pair) ?? [], totalsBefore(prior, from))
  const out = recomputePair({
    pair,
    marks,
    from,
    prior,
    before,
    signals: ctx.signals.get(pair) ?? new Map<string, SignalRow[]>(),
    now,
  })
  for (const { row, stamped } of out.shifts) pending.shift(row, stamped)
  if (out.pairRow) pending.pairs.push(out.pairRow)
  else pending.deadPairs.push(pair)
  return { changed: out.changed, corrections: out.corrections }
}
