// Two `poll --once` processes and `serve` (which polls at start) on one SQLite file at the same time, over
// sources that report on the same pairs and days: when all have finished, every stored signal is aggregated and
// the shifts are what one aggregation of everything stored gives. Real processes, real locks; the deterministic
// interleavings behind this are in test/store/aggregation-races.test.ts.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSqlite } from '../src/runtime/node/index.ts'
import { fromScratch, snapshot, unaggregated } from './helpers/aggregation-races.ts'
import { startFeedServer, staticFeed, type FeedServer } from './helpers/feed-server.ts'
import { freePort } from './helpers/free-port.ts'

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
  'agreed to restore diplomatic relations with',
  'held talks with',
  'suspended talks with',
  'accused',
  'signed a trade agreement with',
]

function desk(n: number): string {
  const items = Array.from({ length: 40 }, (_, i) => {
    const text = [0, 1, 2].map((k) => {
      const [a, b] = PAIRS[(i + k + n) % PAIRS.length]!
      return `${a} ${CUES[(i * 3 + k + n) % CUES.length]} ${b}.`
    })
    return `<item><title>Desk ${n} report ${i}</title><guid>desk-${n}-${i}</guid><link>https://desk${n}.example/${i}</link><pubDate>${new Date(Date.UTC(2026, 9, 1 + (i % 8), 10)).toUTCString()}</pubDate><description>${text.join(' ')}</description></item>`
  })
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Desk ${n}</title><link>https://desk${n}.example/</link>${items.join('')}</channel></rss>`
}

let server: FeedServer
let dir: string
beforeAll(async () => {
  server = await startFeedServer()
  for (let n = 0; n < 24; n++) server.route(`/desk${n}.rss`, staticFeed(desk(n)))
  dir = mkdtempSync(join(tmpdir(), 'entente-concurrent-'))
})
afterAll(async () => {
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})

const exited = (child: ChildProcess) => new Promise<number | null>((ok) => child.once('exit', ok))

describe('two pollers and a server on one SQLite file', () => {
  it('end with every stored signal aggregated', async () => {
    const db = join(dir, 'entente.db')
    const list = (name: string, desks: number[]) => {
      const path = join(dir, `${name}.opml`)
      writeFileSync(
        path,
        `<opml version="2.0"><body>${desks.map((n) => `<outline text="Desk ${n}" xmlUrl="${server.url(`/desk${n}.rss`)}"/>`).join('')}</body></opml>`,
      )
      return path
    }
    const env = (sources: string, extra: Record<string, string> = {}) => ({
      ...process.env,
      ENTENTE_DB: db,
      ENTENTE_SOURCES: sources,
      ENTENTE_ALLOW_HOSTS: new URL(server.url('/')).host,
      ...extra,
    })
    expect(spawnSync(process.execPath, [BIN, 'migrate'], { env: env(list('none', [])), encoding: 'utf8' }).status).toBe(
      0,
    )

    const port = await freePort()
    const serve = spawn(process.execPath, [BIN, 'serve'], {
      env: env(list('serve', [0, 3, 6, 9, 12, 15, 18, 21]), { PORT: String(port), ENTENTE_POLL_MINUTES: '15' }),
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let log = ''
    const served = new Promise<void>((ok, fail) => {
      serve.stderr!.on('data', (d) => {
        log += d
        if (log.includes('poll finished')) ok()
      })
      serve.once('exit', (code) => fail(new Error(`serve exited ${code}:\n${log}`)))
    })
    const pollers = [list('a', [1, 4, 7, 10, 13, 16, 19, 22]), list('b', [2, 5, 8, 11, 14, 17, 20, 23])].map(
      (sources) =>
        spawn(process.execPath, [BIN, 'poll', '--once'], { env: env(sources), stdio: ['ignore', 'ignore', 'pipe'] }),
    )
    try {
      // Readers next to the writers, as a server has.
      let reads = 0
      const reading = (async () => {
        for (;;) {
          const res = await fetch(`http://127.0.0.1:${port}/feeds/shifts.json`).catch(() => null)
          if (res) {
            await res.arrayBuffer()
            reads++
          } else await new Promise((ok) => setTimeout(ok, 50))
          if (pollers.every((p) => p.exitCode !== null) && log.includes('poll finished')) return
        }
      })()
      expect(await Promise.all(pollers.map(exited))).toEqual([0, 0])
      await served
      await reading
      expect(reads).toBeGreaterThan(0)
    } finally {
      serve.kill('SIGTERM')
      await exited(serve)
    }

    const store = await openSqlite(db)
    try {
      expect(
        await store.kysely
          .selectFrom('items')
          .select((e) => e.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ).toEqual({ n: 24 * 40 })
      expect(await unaggregated(store)).toEqual([])
      expect(await store.kysely.selectFrom('dirty_pair_days').selectAll().execute()).toEqual([])
      expect(await store.kysely.selectFrom('aggregate_claims').selectAll().execute()).toEqual([])
      const pairs = (await store.kysely.selectFrom('pairs').select('pair').execute()).map((p) => p.pair)
      expect(pairs.length).toBeGreaterThanOrEqual(PAIRS.length)
      const got = await snapshot(store, pairs)
      const expected = await fromScratch(store, pairs, new Date())
      // Published levels move only by 0.01 or more, so an incremental history may trail a recompute by less.
      const exact = (v: typeof got) => ({
        ...v,
        shifts: v.shifts.map(({ level_before, level_after, ...rest }) => rest),
        pairs: v.pairs.map(({ level, ...rest }) => rest),
      })
      expect(exact(got)).toEqual(exact(expected))
      got.shifts.forEach((s, i) =>
        expect(Math.abs(s.level_after - expected.shifts[i]!.level_after), `${s.pair} ${s.day}`).toBeLessThanOrEqual(
          0.0101,
        ),
      )
    } finally {
      await store.close()
    }
  }, 120_000)
})
