// ENTENTE_SOURCES as either runtime reads it: an http(s) URL through the poller's fetch, or a local list; a list
// that cannot be read says which and why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadSources } from '../../src/ingest/load-sources.ts'
import { parseAllowHosts } from '../../src/ingest/url-policy.ts'
import { guardedFetch, readSourceFile } from '../../src/runtime/node/index.ts'
import { startFeedServer, staticFeed, type FeedServer } from '../helpers/feed-server.ts'

const OPML =
  '<?xml version="1.0"?><opml version="2.0"><body><outline text="Wire" xmlUrl="https://wire.example/feed"/><outline text="Desk" xmlUrl="https://desk.example/atom"/></body></opml>'

let server: FeedServer
beforeAll(async () => {
  server = await startFeedServer({
    '/sources.opml': staticFeed(OPML, 'text/x-opml'),
    '/gone.opml': (_req, res) => void res.writeHead(410).end(),
  })
})
afterAll(() => server.close())

const fetchFn = () => guardedFetch(parseAllowHosts(new URL(server.url('/')).host))
const neverRead = () => {
  throw new Error('a URL is never read as a file')
}

describe('loadSources', () => {
  it('fetches a remote list through the guarded fetch', async () => {
    expect(await loadSources(server.url('/sources.opml'), fetchFn(), neverRead)).toEqual([
      { title: 'Wire', url: 'https://wire.example/feed' },
      { title: 'Desk', url: 'https://desk.example/atom' },
    ])
  })

  it('names the URL of a remote list that fails, and refuses one on a host nobody allowed', async () => {
    await expect(loadSources(server.url('/gone.opml'), fetchFn(), neverRead)).rejects.toThrow(
      `ENTENTE_SOURCES ${server.url('/gone.opml')}: HTTP 410`,
    )
    await expect(loadSources(server.url('/sources.opml'), guardedFetch([]), neverRead)).rejects.toThrow(
      /127\.0\.0\.1 is a loopback address/,
    )
  })

  it('names a local list that cannot be read, and why', async () => {
    await expect(loadSources('/nonexistent/sources.opml', fetchFn(), readSourceFile)).rejects.toThrow(
      /^cannot read ENTENTE_SOURCES file \/nonexistent\/sources\.opml: ENOENT/,
    )
    await expect(loadSources('/', fetchFn(), readSourceFile)).rejects.toThrow(
      /^cannot read ENTENTE_SOURCES file \/: EISDIR/,
    )
  })
})
