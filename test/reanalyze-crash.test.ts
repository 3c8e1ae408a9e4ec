// `entente reanalyze` as a real process, killed with SIGKILL halfway and run again, ends in the same state as a run
// that was never interrupted: the same items at the new engine version, the same signals, shifts (corrections and
// tombstones included) and pairs, no dirty mark or claim left. Progress goes to stderr, one line per chunk.
import { spawn } from 'node:child_process'
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { engineVersion } from '../src/analyze/engine-version.ts'
import { getEngine } from '../src/analyze/engine.ts'
import { openSqlite } from '../src/runtime/node/index.ts'
import { runPoll } from '../src/poll/run-poll.ts'
import type { Db } from '../src/store/schema.ts'
import { startFeedServer, staticFeed, type FeedServer } from './helpers/feed-server.ts'
import { pollDeps, rssFeed } from './helpers/loopback-poll.ts'
import { flippedEngine } from './helpers/modified-engine.ts'

const BIN = new URL('../bin/entente.mjs', import.meta.url).pathname
const PAIRS = [
  ['Saudi Arabia', 'Iran'],
  ['Israel', 'Egypt'],
  ['Russia', 'Ukraine'],
  ['China', 'Japan'],
  ['India', 'Pakistan'],
  ['Turkey', 'Greece'],
]
const CUES = [
  'severed diplomatic relations with',
  'held talks with',
  'agreed to restore diplomatic relations with',
  'accused',
  'signed a trade agreement with',
]
const DESKS = 8
const ITEMS = 50

let server: FeedServer
let dir: string
beforeAll(async () => {
  getEngine()
  server = await startFeedServer()
  for (let n = 0; n < DESKS; n++) {
    const items = Array.from({ length: ITEMS }, (_, i) => {
      const [a, b] = PAIRS[(i + n) % PAIRS.length]!
      return {
        guid: `d${n}-${i}`,
        text: `${a} ${CUES[(i * 3 + n) % CUES.length]} ${b}. Bulletin ${n}-${i}.`,
        date: new Date(Date.UTC(2026, 9, 1 + ((i * 7 + n) % 31), 8 + n)).toUTCString(),
      }
    })
    server.route(`/desk${n}.rss`, staticFeed(rssFeed(`Desk ${n}`, items)))
  }
  dir = mkdtempSync(join(tmpdir(), 'entente-reanalyze-'))
})
afterAll(async () => {
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})

/** Everything re-analysis may change, less the wall-clock instants (two runs at different times differ there only). */
async function state(db: Db) {
  return {
    items: await db.kysely
      .selectFrom('items')
      .select(['id', 'analyzed_with', 'signal_count', 'dating'])
      .orderBy('id')
      .execute(),
    signals: await db.kysely.selectFrom('signals').selectAll().orderBy('id').execute(),
    shifts: (await db.kysely.selectFrom('shifts').selectAll().orderBy('id').execute()).map(
      ({ updated, corrected_at, withdrawn_at, ...rest }) => ({
        ...rest,
        corrected: !!corrected_at,
        withdrawn: !!withdrawn_at,
      }),
    ),
    pairs: (await db.kysely.selectFrom('pairs').selectAll().orderBy('pair').execute()).map(
      ({ updated, ...rest }) => rest,
    ),
    marks: await db.kysely.selectFrom('dirty_pair_days').selectAll().execute(),
    claims: await db.kysely.selectFrom('aggregate_claims').selectAll().execute(),
  }
}

function reanalyze(
  db: string,
  killAfterLines?: number,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; stdout: string }> {
  const child = spawn(process.execPath, [BIN, 'reanalyze', '--chunk', '10'], {
    env: { ...process.env, ENTENTE_DB: db },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  let stdout = ''
  child.stdout.on('data', (d) => (stdout += d))
  child.stderr.on('data', (d) => {
    stderr += d
    if (killAfterLines && stderr.split('\n').filter((l) => l.startsWith('reanalyze: ')).length >= killAfterLines)
      child.kill('SIGKILL')
  })
  return new Promise((done) => child.once('exit', (code, signal) => done({ code, signal, stderr, stdout })))
}

describe('entente reanalyze killed with SIGKILL halfway', () => {
  it('ends, once run again, in the state of an uninterrupted run', async () => {
    // 400 items stored by an older engine (the flipped cue lexicon), so the real engine changes many of them.
    const seeded = join(dir, 'seeded.db')
    const store = await openSqlite(seeded)
    const sources = Array.from({ length: DESKS }, (_, n) => ({ url: server.url(`/desk${n}.rss`), title: `Desk ${n}` }))
    await runPoll(
      { ...pollDeps(server, store, new Date('2026-11-01T12:00:00Z'), flippedEngine()), concurrency: 2 },
      sources,
    )
    const total = (await store.kysely.selectFrom('items').select('id').execute()).length
    expect(total).toBe(DESKS * ITEMS)
    await store.close()
    const whole = join(dir, 'whole.db')
    const crashed = join(dir, 'crashed.db')
    copyFileSync(seeded, whole)
    copyFileSync(seeded, crashed)

    const uninterrupted = await reanalyze(whole)
    expect(uninterrupted.code).toBe(0)
    const lines = uninterrupted.stderr.trim().split('\n')
    expect(lines[0]).toBe(`reanalyze: 10/${total} items (2%), ${lines[0]!.split(', ')[1]}`)
    expect(lines.at(-2)).toMatch(new RegExp(`^reanalyze: ${total}/${total} items \\(100%\\), \\d+ changed$`))
    expect(lines.at(-1)).toMatch(/^reanalyze: 400 items analysed, \d+ changed; affected days re-aggregated$/)
    const summary = JSON.parse(uninterrupted.stdout) as {
      items: number
      changed_items: number
      shifts_changed: number
      remaining: number
    }
    expect(summary).toMatchObject({ items: total, remaining: 0 })
    expect(summary.changed_items).toBeGreaterThan(50)
    expect(summary.shifts_changed).toBeGreaterThan(0)

    const killed = await reanalyze(crashed, 2)
    expect(killed.signal).toBe('SIGKILL')
    const half = await openSqlite(crashed)
    const done = (
      await half.kysely.selectFrom('items').select('id').where('analyzed_with', '=', engineVersion()).execute()
    ).length
    await half.close()
    // Killed between chunks or in the middle of one: some items done, many not, none half-done (checked below).
    expect(done).toBeGreaterThan(0)
    expect(done).toBeLessThan(total)
    expect(done % 10).toBe(0)

    const resumed = await reanalyze(crashed)
    expect(resumed.code).toBe(0)
    expect(JSON.parse(resumed.stdout)).toMatchObject({ items: total - done, remaining: 0 })

    const a = await openSqlite(whole)
    const b = await openSqlite(crashed)
    try {
      const expected = await state(a)
      expect(expected.shifts.some((s) => s.corrected)).toBe(true)
      expect(expected.items.every((i) => i.analyzed_with === engineVersion())).toBe(true)
      expect(expected.marks).toEqual([])
      expect(await state(b)).toEqual(expected)
    } finally {
      await a.close()
      await b.close()
    }
  }, 180_000)
})
