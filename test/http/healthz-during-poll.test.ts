// /healthz answers while the server polls heavy feeds. The poll's synchronous work is cut in slices that end in
// a macrotask (XML parsed in 64 KB chunks, one item analysed at a time, aggregation a chunk of pairs at a time,
// SQLite lock waits asynchronous), so requests wait for at most one slice. That is what this test checks, on the
// real server with the real poll, by timing sequential /healthz requests made from the same process during it.
// Timing is unavoidable for a latency property; the bound is a generous 1 s against a 100 ms target, which
// absorbs a loaded CI machine, while the unsliced poll held the event loop for several seconds on these feeds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFeedServer, staticFeed, type FeedServer } from '../helpers/feed-server.ts'
import { startRealServer } from '../helpers/real-server.ts'

const NAMES = [
  'Iran',
  'Iraq',
  'Syria',
  'Egypt',
  'Israel',
  'Jordan',
  'Turkey',
  'Russia',
  'China',
  'France',
  'Qatar',
  'Oman',
]
const CUES = [
  'agreed to restore diplomatic relations with',
  'held talks with',
  'suspended talks with',
  'accused',
  'signed a trade agreement with',
  'condemned',
]

/** 500 items of about 5 KB each: 2.5 MB of feed, thousands of sentences to analyse. */
function heavyFeed(n: number): string {
  const items = Array.from({ length: 500 }, (_, i) => {
    const sentences = Array.from(
      { length: 30 },
      (_, k) =>
        `${NAMES[(i + k) % 12]} ${CUES[(i * 7 + k) % 6]} ${NAMES[(i + 3 * k + 1) % 12]} on ${k + 1} March, officials said.`,
    )
    return `<item><title>Desk ${n} bulletin ${i}</title><guid>d${n}-${i}</guid><link>https://desk${n}.example/${i}</link><pubDate>${new Date(Date.UTC(2026, 0, 1 + (i % 60))).toUTCString()}</pubDate><description><![CDATA[<p>${sentences.join(' ')}</p>]]></description></item>`
  })
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Desk ${n}</title><link>https://desk${n}.example/</link>${items.join('')}</channel></rss>`
}

let feeds: FeedServer
let running: Awaited<ReturnType<typeof startRealServer>>
let base: string

beforeAll(async () => {
  feeds = await startFeedServer({ '/heavy0.rss': staticFeed(heavyFeed(0)), '/heavy1.rss': staticFeed(heavyFeed(1)) })
  running = await startRealServer(
    [0, 1].map((n) => ({ title: `Heavy ${n}`, url: feeds.url(`/heavy${n}.rss`) })),
    new URL(feeds.url('/')).host,
  )
  base = running.base
}, 60_000)
afterAll(async () => {
  await running?.close()
  await feeds.close()
})

describe('/healthz during a poll of heavy feeds', () => {
  it('keeps answering: no request waits a second', async () => {
    let polling = true
    const poll = running.poll().finally(() => (polling = false))
    const latencies: number[] = []
    while (polling) {
      const started = performance.now()
      const res = await fetch(`${base}/healthz`)
      expect(res.status).toBe(200)
      await res.arrayBuffer()
      latencies.push(performance.now() - started)
    }
    const summary = (await (await poll).json()) as { new_items: number; new_signals: number }
    expect(summary.new_items).toBe(1000)
    expect(summary.new_signals).toBeGreaterThan(10_000)
    // Enough requests were answered during the poll for the maximum to mean something.
    expect(latencies.length).toBeGreaterThan(50)
    expect(Math.max(...latencies), `slowest of ${latencies.length} /healthz answers during the poll`).toBeLessThan(1000)
  }, 120_000)
})
