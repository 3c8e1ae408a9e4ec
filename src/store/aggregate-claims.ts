// Claims keep two aggregations off the same pair at once (two pollers and a server on one SQLite file, two queue
// consumers on one D1). Without them, an aggregation that read a pair's days before another rewrote them would
// write its older view over the newer one. A claim is taken in one statement, so two aggregations never both
// get a pair; it is released in the batch that writes the pair, and lapses if its holder dies.
import { sql, type CompiledQuery } from 'kysely'
import { chunk, PAIR_TERMS } from './d1-limits.ts'
import type { Db } from './schema.ts'

/** Long enough for any chunk's reads and writes; short enough that a crashed holder delays a pair only briefly. */
export const CLAIM_MS = 5 * 60_000

export interface DirtyMark {
  pair: string
  day: string
  version: number
  /** 1 when re-analysis marked the day */
  reanalysis: number
}

/** Claims up to `limit` dirty pairs that no live claim holds, under `token`. */
export function claimQuery(db: Db, token: string, now: Date, limit: number): CompiledQuery {
  const at = now.toISOString()
  const until = new Date(now.getTime() + CLAIM_MS).toISOString()
  // `WHERE true` lets SQLite parse the upsert after a SELECT; the conflict branch only takes over lapsed claims.
  return sql`INSERT INTO aggregate_claims (pair, token, until)
    SELECT pair, ${token}, ${until} FROM (
      SELECT DISTINCT pair FROM dirty_pair_days
      WHERE pair NOT IN (SELECT pair FROM aggregate_claims WHERE until > ${at})
      ORDER BY pair LIMIT ${limit}
    ) WHERE true
    ON CONFLICT (pair) DO UPDATE SET token = excluded.token, until = excluded.until`.compile(db.kysely)
}

/** The dirty marks of the pairs `token` holds, with the versions to clear them at. */
export async function claimedMarks(db: Db, token: string): Promise<DirtyMark[]> {
  return db.kysely
    .selectFrom('dirty_pair_days as d')
    .innerJoin('aggregate_claims as c', 'c.pair', 'd.pair')
    .select(['d.pair', 'd.day', 'd.version', 'd.reanalysis'])
    .where('c.token', '=', token)
    .orderBy('d.pair')
    .orderBy('d.day')
    .execute()
}

/** Releases claims in statements within D1's 100 bound parameters. */
export function releaseQueries(db: Db, claims: { pair: string; token: string }[]): CompiledQuery[] {
  const out: CompiledQuery[] = []
  for (const some of chunk(claims, PAIR_TERMS)) {
    out.push(
      db.kysely
        .deleteFrom('aggregate_claims')
        .where((eb) => eb.or(some.map((c) => eb.and([eb('pair', '=', c.pair), eb('token', '=', c.token)]))))
        .compile(),
    )
  }
  return out
}

export function releaseAllQuery(db: Db, tokens: string[]): CompiledQuery {
  return db.kysely
    .deleteFrom('aggregate_claims')
    .where('token', 'in', tokens.length ? tokens : [''])
    .compile()
}
