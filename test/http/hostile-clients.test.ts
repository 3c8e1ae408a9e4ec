// The real Node server (startServer: app, compression, poll) fed by a hostile publisher and asked by hostile
// clients: script links, bidi overrides and giant sentences in the feed; tracking parameters, refused encodings,
// HEAD requests and oversized parameters in the requests.
import { get as httpGet, type IncomingHttpHeaders } from 'node:http'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFeedServer, staticFeed, type FeedServer } from '../helpers/feed-server.ts'
import { startRealServer } from '../helpers/real-server.ts'
import { runIsolated } from '../helpers/run-isolated.ts'

const BIDI = '\u202e'
const day = (i: number) => new Date(Date.UTC(2026, 0, 1 + i)).toUTCString()
const long = (i: number) =>
  `Iran and Iraq agreed to resume talks on trade ${'and water and energy and transport '.repeat(600)}in round ${i}`

let feeds: FeedServer
let running: Awaited<ReturnType<typeof startRealServer>>
let base: string

beforeAll(async () => {
  feeds = await startFeedServer()
  const hostile = [
    ['javascript:alert(document.cookie)', `Saudi Arabia severed diplomatic relations with Iran.${BIDI} gnp`],
    ['data:text/html,<script>alert(1)</script>', 'Israel and Egypt held talks in Cairo.'],
    ['vbscript:msgbox(1)', 'Russia and Ukraine suspended talks.'],
  ].map(
    ([link, text], i) =>
      `<item><title>Item ${i}</title><guid>h${i}</guid><link>${link!.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</link><pubDate>${day(100)}</pubDate><description>${text}</description></item>`,
  )
  // Sixty days of one pair, each a single 20,000-character sentence.
  const giants = Array.from(
    { length: 60 },
    (_, i) =>
      `<item><title>Round ${i}</title><guid>g${i}</guid><link>https://giant.example/${i}</link><pubDate>${day(i)}</pubDate><description>${long(i)}.</description></item>`,
  )
  feeds.route(
    '/hostile.rss',
    staticFeed(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile</title><link>https://hostile.example/</link>${hostile.join('')}${giants.join('')}</channel></rss>`,
    ),
  )
  running = await startRealServer(
    [{ title: `Evil${BIDI}Desk`, url: feeds.url('/hostile.rss') }],
    new URL(feeds.url('/')).host,
  )
  base = running.base
  expect((await running.poll()).status).toBe(200)
}, 60_000)
afterAll(async () => {
  await running?.close()
  await feeds.close()
})

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  fetch(base + path, { headers, method })
const rawGet = (path: string, accept: string) =>
  new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((ok, fail) => {
    httpGet(base + path, { headers: { 'Accept-Encoding': accept } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => ok({ headers: res.headers, body: Buffer.concat(chunks) }))
    }).on('error', fail)
  })

describe('published content from a hostile feed', () => {
  it('carries no script, data or vbscript link and no bidi override, in pages, feeds or the API', async () => {
    const bodies: string[] = []
    for (const pair of ['iran--saudi-arabia', 'egypt--israel', 'russia--ukraine']) {
      for (const path of [
        `/pairs/${pair}`,
        `/feeds/pairs/${pair}.json`,
        `/feeds/pairs/${pair}.atom`,
        `/feeds/pairs/${pair}.rss`,
        `/api/pairs/${pair}`,
      ]) {
        const res = await get(path)
        expect(res.status, path).toBe(200)
        bodies.push(await res.text())
      }
    }
    for (const body of bodies) {
      expect(body).not.toMatch(/javascript:|vbscript:|data:text/i)
      expect(body).not.toContain(BIDI)
      expect(body).not.toContain('\\u202e')
    }
    const feed = (await (await get('/feeds/pairs/iran--saudi-arabia.json')).json()) as {
      items: { _entente: { evidence: { url: string | null; source: string; text: string }[] } }[]
    }
    expect(feed.items[0]!._entente.evidence[0]).toMatchObject({
      url: null,
      source: 'EvilDesk',
      text: 'Saudi Arabia severed diplomatic relations with Iran. gnp',
    })
  })

  it('sends pages with a strict Content-Security-Policy and every answer with nosniff', async () => {
    const page = await get('/pairs/iran--saudi-arabia')
    expect(page.headers.get('content-security-policy')).toMatch(
      /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]{44}'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'$/,
    )
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    for (const path of [
      '/feeds/shifts.atom',
      '/feeds/shifts.json',
      '/api/pairs',
      '/feeds.opml',
      '/api/nowhere',
      '/healthz',
      '/api/sources',
    ]) {
      const res = await get(path)
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff')
      expect(res.headers.get('content-security-policy'), path).toMatch(/^default-src 'none';.*sandbox$/)
    }
    // A page route that does not exist answers an HTML page, under the pages' policy.
    const missing = await get('/nowhere')
    expect(missing.headers.get('content-type')).toMatch(/^text\/html/)
    expect(missing.headers.get('content-security-policy')).toBe(page.headers.get('content-security-policy'))
  })

  it('keeps a feed of one long-winded source small: quotes are capped', async () => {
    const res = await get('/feeds/pairs/iran--iraq.json')
    const body = await res.text()
    const doc = JSON.parse(body) as { items: { _entente: { evidence: { text: string }[] } }[] }
    expect(doc.items).toHaveLength(50)
    for (const item of doc.items) for (const e of item._entente.evidence) expect(e.text.length).toBeLessThanOrEqual(400)
    expect(body.length).toBeLessThan(512 * 1024)
  })
})

describe('hostile requests', () => {
  it('renders a feed once however its parameters are spelled, and refuses unknown ones without rendering', async () => {
    const first = await get('/feeds/shifts.json?direction=improving&min_confidence=0.5')
    const etag = first.headers.get('etag')
    const held = running.cache.size
    for (let n = 0; n < 40; n++) {
      const spelling = [
        `min_confidence=0.5${'0'.repeat(n % 5)}&direction=improving`,
        `direction=improving&min_confidence=0.5&filter=&limit=50`,
        `limit=50&min_confidence=.5&direction=improving&since=`,
      ][n % 3]
      const res = await get(`/feeds/shifts.json?${spelling}`)
      expect(res.headers.get('etag'), spelling).toBe(etag)
      expect(((await res.json()) as { feed_url: string }).feed_url).toBe(
        'http://localhost:' + new URL(base).port + '/feeds/shifts.json?direction=improving&min_confidence=0.5',
      )
      const tracked = await get(`/feeds/shifts.json?direction=improving&utm=${n}`)
      expect(tracked.status).toBe(400)
      expect(((await tracked.json()) as { error: { parameters: string[] } }).error.parameters).toContain('filterout')
      expect((await get(`/api/pairs?limit=5&x=${n}`)).status).toBe(400)
    }
    expect(running.cache.size.entries).toBe(held.entries)
  })

  it('honours Accept-Encoding q-values, and answers HEAD with the ETag and Content-Length of GET', async () => {
    const path = '/feeds/pairs/iran--iraq.atom'
    const enc = async (accept: string) =>
      (await get(path, { 'Accept-Encoding': accept })).headers.get('content-encoding')
    expect(await enc('gzip;q=0')).toBeNull()
    expect(await enc('br;q=0, gzip')).toBe('gzip')
    expect(await enc('gzip;q=0.5, br;q=0')).toBe('gzip')
    expect(await enc('*;q=0')).toBeNull()
    expect(await enc('br, gzip;q=0')).toBe('br')
    for (const accept of ['gzip', 'identity']) {
      // fetch would decode the body: read the bytes on the wire with node:http instead.
      const full = await rawGet(path, accept)
      const head = await get(path, { 'Accept-Encoding': accept }, 'HEAD')
      expect(head.status, accept).toBe(200)
      expect(head.headers.get('etag'), accept).toBe(full.headers.etag)
      expect(head.headers.get('content-encoding'), accept).toBe(full.headers['content-encoding'] ?? null)
      expect(head.headers.get('content-length'), accept).toBe(String(full.body.byteLength))
      expect((accept === 'gzip' ? gunzipSync(full.body) : full.body).toString()).toContain('<feed')
    }
  })
})

describe('oversized parameters', () => {
  // 16 KB is what a request line can carry. The patterns these replaced backtracked quadratically over such input
  // (about a second per request); the deadline only keeps a regression from hanging the suite.
  it('are refused in one linear pass', () => {
    const run = runIsolated(
      `
      import { parseConfidence, parseCursor, parsePair } from './src/http/params.ts'
      const tries = [() => parseConfidence('1'.repeat(16000) + 'x'), () => parseCursor('2026-01-01_' + 'a-'.repeat(8000) + '!', 'before'), () => parsePair({ actors: new Map() }, 'a-'.repeat(8000) + '!')]
      for (let i = 0; i < 200; i++) for (const t of tries) { try { t(); throw new Error('accepted') } catch (err) { if (err.status !== 400) throw err } }
      console.log('done')
      `,
      60_000,
    )
    expect(run.stderr).toBe('')
    expect(run.finished).toBe(true)
    expect(run.stdout.trim()).toBe('done')
  }, 90_000)
})
