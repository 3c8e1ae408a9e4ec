import { createServer, type AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fetchSource, parseRetryAfter } from '../../src/ingest/fetch-source.ts'
import { startFeedServer, staticFeed, type FeedServer } from '../helpers/feed-server.ts'

let server: FeedServer
beforeAll(async () => {
  server = await startFeedServer({
    '/feed': staticFeed('<rss version="2.0"><channel><title>x</title></channel></rss>'),
  })
  for (let i = 0; i < 7; i++) {
    server.route(`/hop${i}`, (_req, res) => {
      res.writeHead(302, { Location: i === 6 ? '/feed' : `/hop${i + 1}` })
      res.end()
    })
  }
})
afterAll(() => server.close())

const limits = { timeoutMs: 2000, maxBytes: 1000, maxRedirects: 5, userAgent: 'Entente-test' }

describe('fetchSource', () => {
  it('follows up to five redirects and refuses a sixth', async () => {
    expect(await fetchSource(fetch, server.url('/hop2'), {}, limits)).toMatchObject({
      kind: 'ok',
      url: server.url('/feed'),
    })
    expect(await fetchSource(fetch, server.url('/hop0'), {}, limits)).toMatchObject({
      kind: 'error',
      message: 'more than 5 redirects',
    })
  })
  it('returns validators and answers not-modified to a matching conditional request', async () => {
    const first = await fetchSource(fetch, server.url('/feed'), {}, limits)
    if (first.kind !== 'ok') throw new Error('expected ok')
    expect(first.etag).toMatch(/^"/)
    expect(await fetchSource(fetch, server.url('/feed'), { etag: first.etag }, limits)).toMatchObject({
      kind: 'not-modified',
    })
    expect(await fetchSource(fetch, server.url('/feed'), { lastModified: first.lastModified }, limits)).toMatchObject({
      kind: 'not-modified',
    })
  })
  it('caps the body size even without a Content-Length', async () => {
    server.route('/big', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/xml', 'Transfer-Encoding': 'chunked' })
      for (let i = 0; i < 20; i++) res.write('x'.repeat(100))
      res.end()
    })
    expect(await fetchSource(fetch, server.url('/big'), {}, limits)).toMatchObject({
      kind: 'error',
      message: /1000-byte cap/,
    })
  })
  it('reports connection failures without throwing', async () => {
    // A listener of our own that drops every connection, rather than hoping nothing listens on some port.
    const dropper = createServer((socket) => socket.destroy())
    await new Promise<void>((ok) => dropper.listen(0, '127.0.0.1', ok))
    try {
      const res = await fetchSource(
        fetch,
        `http://127.0.0.1:${(dropper.address() as AddressInfo).port}/feed`,
        {},
        limits,
      )
      expect(res).toMatchObject({ kind: 'error', status: null, message: /fetch failed/ })
    } finally {
      await new Promise((ok) => dropper.close(ok))
    }
  })
  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = new Date('2026-01-01T00:00:00Z')
    expect(parseRetryAfter('120', now)).toBe(120)
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:10:00 GMT', now)).toBe(600)
    expect(parseRetryAfter('soon', now)).toBeUndefined()
  })
})
