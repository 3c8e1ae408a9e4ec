// `entente reanalyze [--since DAY] [--chunk N]`: re-runs the current engine over the stored items of the SQLite
// file, one progress line per chunk on stderr and the run's summary as JSON on stdout.
import type { Config } from '../config.ts'
import { reanalysisJson } from '../poll/reanalysis-json.ts'
import { reanalyzeItems, type ReanalysisProgress } from '../poll/reanalyze-items.ts'
import { openSqlite } from '../runtime/node/node-config.ts'

/** "reanalyze: 150/400 items (38%), 12 changed": one line per chunk, so an operator sees it move. */
export function progressLine(p: ReanalysisProgress): string {
  if (p.phase === 'aggregated')
    return `reanalyze: ${p.done} items analysed, ${p.changed} changed; affected days re-aggregated\n`
  return `reanalyze: ${p.done}/${p.total} items (${p.total ? Math.floor((100 * p.done) / p.total) : 100}%), ${p.changed} changed\n`
}

export async function reanalyzeCommand(config: Config, args: string[]): Promise<number> {
  const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined)
  const since = option('--since') ?? null
  if (since !== null && (!/^\d{4}-\d{2}-\d{2}$/.test(since) || Number.isNaN(Date.parse(since))))
    throw new Error('--since must be a day, YYYY-MM-DD')
  const chunk = option('--chunk')
  if (chunk !== undefined && (!/^\d+$/.test(chunk) || Number(chunk) < 1 || Number(chunk) > 90))
    throw new Error('--chunk must be a whole number from 1 to 90')
  const db = await openSqlite(config.dbPath)
  try {
    const run = await reanalyzeItems(
      { db, now: () => new Date(), progress: (p) => process.stderr.write(progressLine(p)) },
      { since, ...(chunk ? { chunk: Number(chunk) } : {}) },
    )
    process.stdout.write(JSON.stringify(reanalysisJson(run), null, 2) + '\n')
    return 0
  } finally {
    await db.close()
  }
}
