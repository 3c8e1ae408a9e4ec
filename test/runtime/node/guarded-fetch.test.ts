// The Node poller's fetch against real loopback servers: what ENTENTE_ALLOW_HOSTS names is fetched, a redirect
// elsewhere on loopback, to metadata or to a data: URL is refused before any connection, and a name is judged by
// the address its socket actually connects to.
import type { LookupAddress } from 'node:dns'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fetchSource } from '../../../src/ingest/fetch-source.ts'
import { fetchSourceList } from '../../../src/ingest/fetch-source-list.ts'
import { parseAllowHosts } from '../../../src/ingest/url-policy.ts'
import { guardedFetch, type LookupFn } from '../../../src/runtime/node/guarded-fetch.ts'
import { startFeedServer, staticFeed, type FeedServer } from '../../helpers/feed-server.ts'

const FEED = '<rss version="2.0"><channel><title>ok</title></channel></rss>'
const limits = { timeoutMs: 2000, maxBytes: 4096, maxRedirects: 5, userAgent: 'Entente-test' }
let publisher: FeedServer
let internal: FeedServer

beforeAll(async () => {
  publisher = await startFeedServer({ '/feed': staticFeed(FEED) })
  internal = await startFeedServer({
    '/admin': staticFeed('<rss version="2.0"><channel><title>secret</title></channel></rss>'),
  })
  const redirect = (location: string) =>
    publisher.route(
      `/to/${encodeURIComponent(location)}`,
      (_req, res) => void res.writeHead(302, { Location: location }).end(),
    )
  for (const target of [
    internal.url('/admin'),
    'http://169.254.169.254/latest/meta-data/',
    'data:application/rss+xml,<rss/>',
    'file:///etc/passwd',
    '/feed',
  ])
    redirect(target)
})
afterAll(async () => {
  await publisher.close()
  await internal.close()
})

const host = (s: FeedServer) => new URL(s.url('/')).host
const via = (s: FeedServer, target: string) => s.url(`/to/${encodeURIComponent(target)}`)

describe('guardedFetch (Node)', () => {
  it('fetches a loopback server named in ENTENTE_ALLOW_HOSTS, and follows its redirects on the same host', async () => {
    const fetchFn = guardedFetch(parseAllowHosts(host(publisher)))
    expect(await fetchSource(fetchFn, publisher.url('/feed'), {}, limits)).toMatchObject({ kind: 'ok', status: 200 })
    expect(await fetchSource(fetchFn, via(publisher, '/feed'), {}, limits)).toMatchObject({
      kind: 'ok',
      url: publisher.url('/feed'),
    })
    // A host named without a port is allowed on every port.
    expect(
      await fetchSource(guardedFetch(parseAllowHosts('127.0.0.1')), internal.url('/admin'), {}, limits),
    ).toMatchObject({ kind: 'ok' })
  })

  it('refuses loopback servers it was not told about, before connecting', async () => {
    const before = internal.requests.length
    const res = await fetchSource(guardedFetch([]), internal.url('/admin'), {}, limits)
    expect(res).toMatchObject({
      kind: 'error',
      status: null,
      message: expect.stringMatching(/^refused http:\/\/127\.0\.0\.1:\d+\/admin: 127\.0\.0\.1 is a loopback address/),
    })
    expect(internal.requests.length).toBe(before)
  })

  it('refuses and reports a redirect from an allowed host to a loopback port, metadata, data: or file: URL', async () => {
    const fetchFn = guardedFetch(parseAllowHosts(host(publisher)))
    const before = internal.requests.length
    const cases: [string, RegExp][] = [
      [internal.url('/admin'), /loopback address .*ENTENTE_ALLOW_HOSTS/],
      ['http://169.254.169.254/latest/meta-data/', /169\.254\.169\.254 is a link-local address/],
      ['data:application/rss+xml,<rss/>', /only http\(s\) URLs/],
      ['file:///etc/passwd', /only http\(s\) URLs/],
    ]
    for (const [target, why] of cases) {
      const res = await fetchSource(fetchFn, via(publisher, target), {}, limits)
      expect(res, target).toMatchObject({ kind: 'error', url: target, message: expect.stringMatching(why) })
      if (res.kind === 'error')
        expect(res.message.startsWith(`redirect from ${via(publisher, target)}: refused`), res.message).toBe(true)
    }
    expect(internal.requests.length).toBe(before)
  })

  it('judges a name by the addresses it resolves to when the socket connects, all of them', async () => {
    const port = new URL(publisher.url('/')).port
    const answers: LookupAddress[][] = [
      [{ address: '127.0.0.1', family: 4 }],
      [
        { address: '93.184.216.34', family: 4 },
        { address: '10.0.0.7', family: 4 },
      ],
    ]
    const asked: string[] = []
    const lookup: LookupFn = (hostname, _options, callback) => {
      asked.push(hostname)
      callback(null, answers[(asked.length - 1) % answers.length]!)
    }
    // The allow-list names the address, not this name: the name must stand on what it resolves to.
    const fetchFn = guardedFetch(parseAllowHosts(host(publisher)), { lookup })
    const before = publisher.requests.length
    const first = await fetchSource(fetchFn, `http://rebind.example:${port}/feed`, {}, limits)
    expect(first).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/rebind\.example: it resolves to 127\.0\.0\.1, a loopback address/),
    })
    const second = await fetchSource(fetchFn, `http://rebind.example:${port}/feed`, {}, limits)
    expect(second).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/resolves to 10\.0\.0\.7, a private address/),
    })
    expect(asked).toEqual(['rebind.example', 'rebind.example'])
    expect(publisher.requests.length).toBe(before)
    // localhost goes through the same check as any other name.
    expect(
      await fetchSource(guardedFetch(parseAllowHosts(host(publisher))), `http://localhost:${port}/feed`, {}, limits),
    ).toMatchObject({ kind: 'error', message: /localhost is a local name/ })
  })
})

describe('fetchSourceList', () => {
  it('gives a source list URL the same deadline and byte cap as a feed', async () => {
    const fetchFn = guardedFetch(parseAllowHosts(host(publisher)))
    publisher.route('/hanging.opml', () => {})
    publisher.route('/endless.opml', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/x-opml' })
      res.write('<opml version="2.0"><body>')
      const more = () =>
        res.write(`<outline text="x" xmlUrl="https://x.example/${'a'.repeat(1000)}"/>`) && setImmediate(more)
      more()
      res.on('close', () => res.destroy())
    })
    publisher.route(
      '/list.opml',
      staticFeed(
        `<opml version="2.0"><body><outline text="Feed" xmlUrl="${publisher.url('/feed')}"/></body></opml>`,
        'text/x-opml',
      ),
    )
    await expect(
      fetchSourceList(fetchFn, publisher.url('/hanging.opml'), { ...limits, timeoutMs: 300 }),
    ).rejects.toThrow(/ENTENTE_SOURCES .*hanging\.opml: timed out after 300 ms/)
    await expect(fetchSourceList(fetchFn, publisher.url('/endless.opml'), limits)).rejects.toThrow(
      /exceeds the 4096-byte cap/,
    )
    await expect(
      fetchSourceList(fetchFn, via(publisher, 'http://169.254.169.254/latest/meta-data/'), limits),
    ).rejects.toThrow(/refused/)
    expect(await fetchSourceList(fetchFn, publisher.url('/list.opml'), limits)).toEqual([
      { url: publisher.url('/feed'), title: 'Feed' },
    ])
  })
})
