// scale_ratio: median latency of uncached renders of /feeds/shifts.json, the busiest pair's feed and /api/pairs
// with 1,000,000 signals stored, over the same with 10,000. The render cache keeps nothing (no byte budget), so
// every request renders; routes refuse unknown query parameters, so no dummy parameter can bust it.
import { join } from 'node:path'
import { sql } from 'kysely'
import { getEngine } from '../src/analyze/engine.ts'
import { createApp } from '../src/http/app.ts'
import { RenderCache } from '../src/http/conditional.ts'
import { openSqlite } from '../src/runtime/node/index.ts'
import { aggregateDirty } from '../src/store/aggregate-dirty.ts'
import { median, progress, round, runPart, withTempDir } from './bench-child.ts'
import { generateStore } from './generate-store.ts'

const REQUESTS = 150

async function latencies(
  dir: string,
  signals: number,
): Promise<{ shape: ReturnType<typeof generateStore>; ms: Record<string, number> }> {
  const path = join(dir, `scale-${signals}.db`)
  await (await openSqlite(path)).close()
  const t0 = performance.now()
  const shape = generateStore(path, signals, 1000, (pct) => progress(`${signals} signals: ${pct} %`))
  progress(
    `${shape.signals} signals, ${shape.items} items, ${shape.shifts} shifts over ${shape.days} days in ${Math.round(performance.now() - t0)} ms`,
  )
  const db = await openSqlite(path)
  try {
    const app = createApp({
      db,
      gazetteer: getEngine().gazetteer,
      baseUrl: 'http://localhost:8787',
      pollMinutes: 15,
      adminToken: null,
      cache: new RenderCache({ maxBytes: 0 }),
    })
    const routes = {
      shifts_json: '/feeds/shifts.json',
      pair_json: `/feeds/pairs/${shape.hottest}.json`,
      api_pairs: '/api/pairs',
    }
    const ms: Record<string, number> = {}
    for (const [name, route] of Object.entries(routes)) {
      const times: number[] = []
      for (let i = -20; i < REQUESTS; i++) {
        const t = performance.now()
        const res = await app.request(`http://localhost${route}`)
        if (res.status !== 200) throw new Error(`${route}: HTTP ${res.status}`)
        await res.text()
        if (i >= 0) times.push(performance.now() - t)
      }
      ms[name] = median(times)
    }
    // Not part of the figure: a poll's aggregation step for 100 dirty pair-days (the busiest pairs' latest days)
    // reads each pair's whole shift history, so its cost follows the age of the store.
    await sql`INSERT INTO dirty_pair_days (pair, day) SELECT pair, last_day FROM pairs ORDER BY signal_count DESC LIMIT 100`.execute(
      db.kysely,
    )
    const t1 = performance.now()
    await aggregateDirty(db, new Date())
    ms.aggregate_100 = performance.now() - t1
    return { shape, ms }
  } finally {
    await db.close()
  }
}

export async function measureScale(small = 10_000, large = 1_000_000) {
  return withTempDir('scale', async (dir) => {
    const lo = await latencies(dir, small)
    const hi = await latencies(dir, large)
    const out: Record<string, number> = { shifts_small: lo.shape.shifts, shifts_large: hi.shape.shifts }
    let worst = 0
    for (const k of Object.keys(lo.ms)) {
      out[`${k}_ms_small`] = round(lo.ms[k]!, 2)
      out[`${k}_ms_large`] = round(hi.ms[k]!, 2)
      if (k !== 'aggregate_100') worst = Math.max(worst, hi.ms[k]! / lo.ms[k]!)
    }
    // The worst route decides: every one of them must stay flat as the store grows.
    return { ...out, scale_ratio: round(worst) }
  })
}

runPart(import.meta.url, () => measureScale(10_000, Number(process.env.BENCH_SCALE_LARGE) || 1_000_000))
