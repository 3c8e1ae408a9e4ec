// poll_cycle_ratio and rss_mb: one runPoll of 1,000 sources on 127.0.0.1 where 90 % answer 304, over one where
// all answer 200 with new items; real fetch, a real SQLite file, the node entry's default concurrency and
// logger (writing to a sink). The publishers run in a child process so that serving them does not count here.
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { consoleLogger, openSqlite } from '../src/runtime/node/index.ts'
import { runPoll, type PollSummary } from '../src/poll/run-poll.ts'
import { median, profiled, progress, round, runPart, withTempDir } from './bench-child.ts'

const SOURCES = 1000
const CYCLES = 3

function startFarm(count: number, window: number, step: number): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      new URL('./feed-server.ts', import.meta.url).pathname,
      String(count),
      String(window),
      String(step),
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  return new Promise((ok, fail) => {
    child.once('error', fail)
    child.once('exit', (code) => fail(new Error(`feed server exited with ${code}`)))
    child.stdout!.once('data', (d: Buffer) => ok({ child, port: Number(d.toString().trim()) }))
  })
}

const vmHwmMib = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) / 1024

/** Runs `fn` while sampling resident memory every 50 ms; returns its result, its duration and the peak. */
async function sampled<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; peakMib: number }> {
  let peak = process.memoryUsage.rss()
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50)
  const t0 = performance.now()
  try {
    const value = await fn()
    return { value, ms: performance.now() - t0, peakMib: Math.max(peak, process.memoryUsage.rss()) / 2 ** 20 }
  } finally {
    clearInterval(timer)
  }
}

const outcomes = (s: PollSummary) =>
  s.sources.reduce<Record<string, number>>((m, r) => ((m[r.outcome] = (m[r.outcome] ?? 0) + 1), m), {})

export async function measurePollCycle(count = SOURCES) {
  const farm = await startFarm(count, 20, 5)
  const base = `http://127.0.0.1:${farm.port}`
  try {
    return await withTempDir('poll', async (dir) => {
      const db = await openSqlite(join(dir, 'poll.db'))
      // The poll's own log line splits its time between the sources and aggregation.
      let phases = ''
      const sink = new Writable({
        write: (chunk: Buffer, _enc, done) => {
          const line = chunk.toString()
          if (line.includes('poll finished'))
            phases = /sources_ms=(\d+) aggregate_ms=(\d+)/.exec(line)?.slice(1, 3).join('+') ?? ''
          done()
        },
      })
      const deps = { fetch, db, now: () => new Date(), log: consoleLogger(sink) }
      const sources = Array.from({ length: count }, (_, i) => ({
        url: `${base}/feeds/${i}.xml`,
        title: `World Desk ${i}`,
      }))
      const poll = async (label: string, profile: string, expect: Record<string, number>) => {
        progress(`poll: ${label}`)
        const r = await sampled(() => profiled(profile, () => runPoll(deps, sources)))
        const got = outcomes(r.value)
        for (const [k, n] of Object.entries(expect))
          if (got[k] !== n) throw new Error(`${label}: expected ${n} ${k}, got ${JSON.stringify(got)}`)
        progress(
          `${Math.round(r.ms)} ms (sources + aggregation: ${phases} ms), ${r.value.newItems} new items, ${r.value.newSignals} signals, ${r.value.shiftsChanged} shifts changed, peak RSS ${Math.round(r.peakMib)} MiB`,
        )
        return { ...r, phases }
      }
      const advance = async (every: number) => {
        const res = await fetch(`${base}/advance?every=${every}`, { method: 'POST' })
        await res.text()
      }
      try {
        const first = await poll(`first poll of ${count} sources (records validators)`, 'poll-first', { ok: count })
        // Three cycles of (90 % 304, then all 200), the figure being the median of the cycles' ratios: the
        // machine's speed drifts by more than the difference between cycles.
        const cycles: {
          ms304: number
          ms200: number
          peak: number
          newItems: number
          phases304: string
          phases200: string
        }[] = []
        for (let c = 0; c < CYCLES; c++) {
          await advance(10)
          const mostly304 = await poll(`cycle ${c + 1}/${CYCLES}: 90 % answer 304`, `poll-304-${c + 1}`, {
            'not-modified': count - Math.ceil(count / 10),
            ok: Math.ceil(count / 10),
          })
          await advance(1)
          const all200 = await poll(`cycle ${c + 1}/${CYCLES}: all answer 200 with new items`, `poll-200-${c + 1}`, {
            ok: count,
          })
          cycles.push({
            ms304: mostly304.ms,
            ms200: all200.ms,
            peak: Math.max(mostly304.peakMib, all200.peakMib),
            newItems: all200.value.newItems,
            phases304: mostly304.phases,
            phases200: all200.phases,
          })
        }
        return {
          sources: count,
          first_poll_ms: Math.round(first.ms),
          poll_304_ms: cycles.map((c) => Math.round(c.ms304)).join('/'),
          poll_200_ms: cycles.map((c) => Math.round(c.ms200)).join('/'),
          phases_304_ms: cycles.map((c) => c.phases304).join('/'),
          phases_200_ms: cycles.map((c) => c.phases200).join('/'),
          new_items_200: cycles[0]!.newItems,
          rss_peak_sampled_mib: Math.round(Math.max(first.peakMib, ...cycles.map((c) => c.peak))),
          poll_cycle_ratio: round(median(cycles.map((c) => c.ms304 / c.ms200))),
          rss_mb: Math.round(vmHwmMib()),
        }
      } finally {
        await db.close()
      }
    })
  } finally {
    farm.child.kill()
  }
}

runPart(import.meta.url, () => measurePollCycle(Number(process.env.BENCH_POLL_SOURCES) || SOURCES))
