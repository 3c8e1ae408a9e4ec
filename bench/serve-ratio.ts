// serve_ratio: requests/s of GET /feeds/shifts.atom over requests/s of a constant route of the same size and
// content type on the same Hono app and server, built as startServer (src/runtime/node/start-server.ts) builds it. autocannon runs in
// its own process so that the load generator does not share the server's event loop.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { getEngine } from '../src/analyze/engine.ts'
import { createApp } from '../src/http/app.ts'
import { RenderCache } from '../src/http/conditional.ts'
import { openSqlite, withCompression, type SqliteDb } from '../src/runtime/node/index.ts'
import { runPoll, type PollDeps } from '../src/poll/run-poll.ts'
import { median, profiled, progress, round, runPart, silentLog, withTempDir } from './bench-child.ts'
import { renderFeed, type GeneratedFeed } from './generate-feeds.ts'

const CONNECTIONS = 50
const ROUNDS = 11

/** Fills the database the way production does: a real poll (runPoll) of generated feeds, fetched from memory. */
export async function fillByPoll(db: SqliteDb, feeds: number, items: number): Promise<void> {
  const corpus = new Map<string, GeneratedFeed>()
  for (let i = 0; i < feeds; i++) corpus.set(`https://desk${i}.example/feed`, renderFeed(i, 0, items))
  const fetchFn: PollDeps['fetch'] = async (input) => {
    const f = corpus.get(String(input))!
    return new Response(f.body, { status: 200, headers: { 'content-type': f.contentType } })
  }
  await runPoll(
    { fetch: fetchFn, db, now: () => new Date(), log: silentLog },
    [...corpus].map(([url, f]) => ({ url, title: f.title })),
  )
}

interface CannonResult {
  requests: { average: number; total: number }
  non2xx: number
  errors: number
}

export interface Load {
  /** requests per second, as autocannon counts them */
  rate: number
  /** this process's CPU time per request, in µs: the server's cost, less disturbed by other work on the machine */
  cpuUs: number
}

export function autocannon(
  url: string,
  seconds: number,
  headers: string[] = [],
  connections = CONNECTIONS,
): Promise<Load> {
  const bin = createRequire(import.meta.url).resolve('autocannon/autocannon.js')
  return new Promise((ok, fail) => {
    const args = [
      bin,
      '-c',
      String(connections),
      '-d',
      String(seconds),
      '-j',
      ...headers.flatMap((h) => ['-H', h]),
      url,
    ]
    const cpu = process.cpuUsage()
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'ignore'] })
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.on('error', fail)
    child.on('close', (code) => {
      const used = process.cpuUsage(cpu)
      if (code !== 0) return fail(new Error(`autocannon exited with ${code}`))
      const r = JSON.parse(out) as CannonResult
      if (r.non2xx || r.errors) return fail(new Error(`${url}: ${r.non2xx} non-2xx answers, ${r.errors} errors`))
      ok({ rate: r.requests.average, cpuUs: (used.user + used.system) / Math.max(1, r.requests.total) })
    })
  })
}

export async function measureServe(seconds = 3) {
  return withTempDir('serve', async (dir) => {
    const db = await openSqlite(join(dir, 'serve.db'))
    progress('filling the database with a real poll of 40 generated feeds')
    await fillByPoll(db, 40, 60)
    const deps = () => ({
      db,
      gazetteer: getEngine().gazetteer,
      baseUrl: 'http://localhost:8787',
      pollMinutes: 15,
      adminToken: null,
      cache: new RenderCache(),
    })
    // Hono freezes its routes on the first request, so the body is sized on a twin app with the same deps.
    const atom = await (await createApp(deps()).request('http://localhost/feeds/shifts.atom')).text()
    const app = createApp(deps())
    // The constant is the feed's own text: a filler of the same byte length but all ASCII would be cheaper to
    // write (V8 keeps it one byte per character; the feed's dashes and arrows make it two) and would measure
    // the string's encoding rather than the route. The ASCII filler is measured once, as a detail.
    const constant = atom
    const ascii = 'x'.repeat(Buffer.byteLength(atom))
    app.get('/bench/constant', (c) => c.body(constant, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' }))
    app.get('/bench/ascii', (c) => c.body(ascii, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' }))
    const server = serve({ fetch: withCompression((req) => app.fetch(req)), port: 0, hostname: '127.0.0.1' })
    await new Promise<void>((ok, fail) => {
      server.once('listening', () => ok())
      server.once('error', fail)
    })
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      progress('warming both routes')
      await autocannon(`${base}/feeds/shifts.atom`, 1)
      await autocannon(`${base}/bench/constant`, 1)
      const feed: Load[] = []
      const fixed: Load[] = []
      // Short runs alternated several times, the figure being the median of each round's ratio: on a small VM
      // the machine's speed drifts by more than the difference being measured.
      for (let r = 0; r < ROUNDS; r++) {
        progress(
          `round ${r + 1}/${ROUNDS}: autocannon -c ${CONNECTIONS} -d ${seconds} /bench/constant, then /feeds/shifts.atom`,
        )
        fixed.push(await autocannon(`${base}/bench/constant`, seconds))
        feed.push(await autocannon(`${base}/feeds/shifts.atom`, seconds))
      }
      // Not part of the figure: what a feed reader asking for gzip gets (the compressed body is memoised per ETag).
      progress(`autocannon -c ${CONNECTIONS} -d ${seconds} /feeds/shifts.atom with Accept-Encoding: gzip`)
      const gzip = (await autocannon(`${base}/feeds/shifts.atom`, seconds, ['accept-encoding=gzip'])).rate
      progress(`autocannon -c ${CONNECTIONS} -d ${seconds} /bench/ascii`)
      const asciiRate = (await autocannon(`${base}/bench/ascii`, seconds)).rate
      if (process.env.BENCH_PROFILE) {
        await profiled('serve-atom', () => autocannon(`${base}/feeds/shifts.atom`, seconds))
        await profiled('serve-constant', () => autocannon(`${base}/bench/constant`, seconds))
      }
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
      return {
        atom_bytes: Buffer.byteLength(atom),
        constant_req_per_s: Math.round(mean(fixed.map((l) => l.rate))),
        atom_req_per_s: Math.round(mean(feed.map((l) => l.rate))),
        atom_gzip_req_per_s: Math.round(gzip),
        ascii_constant_req_per_s: Math.round(asciiRate),
        round_ratios: feed.map((f, i) => round(f.rate / fixed[i]!.rate, 2)).join('/'),
        constant_cpu_us_per_req: Math.round(median(fixed.map((l) => l.cpuUs))),
        atom_cpu_us_per_req: Math.round(median(feed.map((l) => l.cpuUs))),
        // The same comparison by server CPU per request: steadier than req/s when other work shares the machine.
        serve_cpu_ratio: round(median(fixed.map((l) => l.cpuUs)) / median(feed.map((l) => l.cpuUs))),
        serve_ratio: round(median(feed.map((f, i) => f.rate / fixed[i]!.rate))),
      }
    } finally {
      await new Promise<void>((ok) => server.close(() => ok()))
      await db.close()
    }
  })
}

runPart(import.meta.url, () => measureServe(Number(process.env.BENCH_SERVE_SECONDS) || 3))
