// The rows a run of aggregation writes, turned into multi-row statements at the end of each batch: a few statements
// per batch instead of several per pair, each within D1's bound parameters. A changed shift's `updated` (and
// its correction or withdrawal time) is an instant the database allocates in the batch (see meta.ts).
import type { CompiledQuery } from 'kysely'
import type { StampedColumn } from '../aggregate/recompute-pair.ts'
import { releaseQueries, type DirtyMark } from './aggregate-claims.ts'
import { chunk, D1_MAX_PARAMS, IN_LIST } from './d1-limits.ts'
import { bumpVersionQuery, stampAt } from './meta.ts'
import type { Db, PairRow, ShiftRow } from './schema.ts'

export const SHIFT_COLUMNS = [
  'pair',
  'a',
  'b',
  'day',
  'direction',
  'score',
  'confidence',
  'weight',
  'level_before',
  'level_after',
  'level_num',
  'level_den',
  'sources',
  'signals',
  'evidence',
  'published',
  'updated',
  'independent_sources',
  'votes',
  'previous_direction',
  'corrected_at',
  'correction_reason',
  'withdrawn_at',
] as const
const PAIR_COLUMNS = [
  'a',
  'b',
  'level',
  'direction',
  'last_day',
  'last_direction',
  'last_score',
  'shift_count',
  'signal_count',
  'updated',
  'level_num',
  'level_den',
] as const

export class Writes {
  private shifts: { row: ShiftRow; stamped: StampedColumn[] }[] = []
  pairs: PairRow[] = []
  deadPairs: string[] = []
  clean: { pair: string; marks: DirtyMark[]; token: string }[] = []

  constructor(private readonly at: string) {}

  /** A shift row to write; `stamped` columns get the instant of this change (a published change moves the version). */
  shift(row: ShiftRow, stamped: StampedColumn[] = []): void {
    this.shifts.push({ row, stamped })
  }

  size(): number {
    return this.shifts.length + this.pairs.length + this.deadPairs.length + this.clean.length
  }

  take(db: Db): CompiledQuery[] {
    const q: CompiledQuery[] = []
    let stamps = 0
    const rows = this.shifts.map(({ row, stamped }) => {
      if (!stamped.length) return row
      const instant = stampAt(this.at, stamps++)
      return { ...row, ...Object.fromEntries(stamped.map((c) => [c, instant])) }
    })
    for (const some of chunk(rows, Math.floor(D1_MAX_PARAMS / (SHIFT_COLUMNS.length + 1)))) {
      q.push(
        db.kysely
          .insertInto('shifts')
          .values(some)
          .onConflict((oc) =>
            oc
              .column('id')
              .doUpdateSet((eb) => Object.fromEntries(SHIFT_COLUMNS.map((c) => [c, eb.ref(`excluded.${c}`)]))),
          )
          .compile(),
      )
    }
    for (const some of chunk(this.pairs, Math.floor(D1_MAX_PARAMS / (PAIR_COLUMNS.length + 1)))) {
      q.push(
        db.kysely
          .insertInto('pairs')
          .values(some)
          .onConflict((oc) =>
            oc
              .column('pair')
              .doUpdateSet((eb) => Object.fromEntries(PAIR_COLUMNS.map((c) => [c, eb.ref(`excluded.${c}`)]))),
          )
          .compile(),
      )
    }
    for (const names of chunk(this.deadPairs, IN_LIST))
      q.push(db.kysely.deleteFrom('pairs').where('pair', 'in', names).compile())
    // Only the marks this run read, at the versions it read: a mark another poll added or moved meanwhile stays.
    const marks = this.clean.flatMap(({ marks }) => marks)
    for (const some of chunk(marks, IN_LIST / 3)) {
      q.push(
        db.kysely
          .deleteFrom('dirty_pair_days')
          .where((eb) =>
            eb.or(
              some.map((m) => eb.and([eb('pair', '=', m.pair), eb('day', '=', m.day), eb('version', '=', m.version)])),
            ),
          )
          .compile(),
      )
    }
    q.push(
      ...releaseQueries(
        db,
        this.clean.map(({ pair, token }) => ({ pair, token })),
      ),
    )
    // The version moves in the same commit as the data it versions, past every instant this batch stamped.
    if (stamps) q.push(bumpVersionQuery(db, this.at, stamps))
    this.shifts = []
    this.pairs = []
    this.deadPairs = []
    this.clean = []
    return q
  }
}
