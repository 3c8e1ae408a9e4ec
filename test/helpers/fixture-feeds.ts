// Real-looking publishers on 127.0.0.1 for the tests that poll over HTTP on either runtime: the sample feeds, a
// broken one and a missing one (sources.opml), a redirect to a loopback service nobody allowed, endless and hostile
// source lists, a WebSub hub that records its pings, desks reporting on the same pairs, feeds in other languages.
// Node code: the workerd suite starts it in its global setup, Node suites in beforeAll.
import { readFileSync } from 'node:fs'
import { startFeedServer, staticFeed, type FeedServer } from './feed-server.ts'

/**
 * Starts the fixture publishers; `base` is their origin (no trailing slash), to name in ENTENTE_ALLOW_HOSTS.
 */
export async function startFixtureFeeds(): Promise<{ base: string; close(): Promise<void> }> {
  let server: FeedServer | undefined
  let internal: FeedServer | undefined
  const fixture = (name: string) => readFileSync(new URL(`../../feeds/samples/${name}`, import.meta.url))
  server = await startFeedServer({
    '/seed.rss': staticFeed(fixture('seed-rss.xml')),
    '/world.rdf': staticFeed(fixture('world-rdf.xml'), 'application/rdf+xml'),
    '/arabic.rss': staticFeed(fixture('arabic-1256.xml'), 'application/rss+xml; charset=windows-1256'),
    '/broken.xml': staticFeed(fixture('broken.xml')),
  })
  const outlines = ['/seed.rss', '/world.rdf', '/arabic.rss', '/broken.xml', '/missing.rss'].map(
    (p) => `<outline text="Fixture ${p}" xmlUrl="${server!.url(p)}"/>`,
  )
  // A loopback service the Worker is not told about, and a publisher that redirects to it.
  internal = await startFeedServer({ '/admin.rss': staticFeed(fixture('seed-rss.xml')) })
  server.route('/moved.rss', (_req, res) => void res.writeHead(302, { Location: internal!.url('/admin.rss') }).end())
  server.route(
    '/hostile.opml',
    staticFeed(
      `<?xml version="1.0"?><opml version="2.0"><body><outline text="Seed" xmlUrl="${server.url('/seed.rss')}"/><outline text="Moved" xmlUrl="${server.url('/moved.rss')}"/></body></opml>`,
      'text/x-opml',
    ),
  )
  server.route('/endless.opml', (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/x-opml' })
    res.write('<opml version="2.0"><body>')
    const more = () =>
      !res.destroyed &&
      res.write(`<outline text="x" xmlUrl="https://x.example/${'a'.repeat(4000)}"/>`, () => setImmediate(more))
    more()
  })
  // A WebSub hub: records the topics it is pinged for; /hub-pings answers them (and forgets them).
  const pings: string[] = []
  server.route('/hub', (req, res) => {
    let body = ''
    req.on('data', (d) => (body += d))
    req.on('end', () => {
      const form = new URLSearchParams(body)
      if (req.method === 'POST' && form.get('hub.mode') === 'publish') pings.push(form.get('hub.url') ?? '')
      res.writeHead(202).end()
    })
  })
  server.route(
    '/hub-pings',
    (_req, res) => void res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(pings.splice(0))),
  )
  server.route(
    '/internal-requests',
    (_req, res) => void res.writeHead(200, { 'Content-Type': 'text/plain' }).end(String(internal!.requests.length)),
  )
  // Desks that report on the same pairs and days, for consumers polling them side by side.
  const desk = (n: number) => {
    const items = Array.from(
      { length: 12 },
      (_, i) =>
        `<item><title>Desk ${n} bulletin ${i}</title><guid>desk-${n}-${i}</guid><link>https://desk${n}.example/${i}</link><pubDate>Tue, 0${1 + (i % 3)} Dec 2026 10:00:00 GMT</pubDate><description>${['Saudi Arabia and Iran agreed to restore diplomatic relations.', 'Israel and Egypt held talks in Cairo.', 'Russia and Ukraine suspended talks.'][(i + n) % 3]} Report ${n}-${i}.</description></item>`,
    )
    return `<?xml version="1.0"?><rss version="2.0"><channel><title>Desk ${n}</title><link>https://desk${n}.example/</link>${items.join('')}</channel></rss>`
  }
  for (let n = 0; n < 6; n++) server.route(`/desk${n}.rss`, staticFeed(desk(n)))
  // Languages the engine does not read, next to English: the sample feeds as a publisher would serve them.
  server.route('/wire.rss', staticFeed(fixture('wire-2018-rss.xml')))
  server.route('/noticias.atom', staticFeed(fixture('noticias-pt-atom.xml'), 'application/atom+xml'))
  server.route('/urdu.rss', staticFeed(fixture('urdu-rss.xml')))
  // Named character references HTML defines and XML does not, in an escaped description.
  server.route(
    '/entities.rss',
    staticFeed(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Am&amp;eacute;ricas</title><link>https://americas.example/</link><item><title>Trade pact</title><guid>p1</guid><link>https://americas.example/1</link><pubDate>Tue, 20 Feb 2018 10:00:00 GMT</pubDate><description>&lt;p&gt;Brazil and Argentina signed a trade agreement in S&amp;atilde;o Paulo on a 30&amp;deg;C day, after 3&amp;times; delays, as the &amp;Eacute;lys&amp;eacute;e looked on.&lt;/p&gt;</description></item></channel></rss>`,
    ),
  )
  server.route(
    '/languages.opml',
    staticFeed(
      `<?xml version="1.0"?><opml version="2.0"><body><!-- <outline text="Paused" xmlUrl="${server.url('/seed.rss')}"/> -->${['/wire.rss', '/noticias.atom', '/urdu.rss', '/entities.rss', '/missing.rss'].map((p) => `<outline text="Fixture ${p}" xmlUrl="${server!.url(p)}"/>`).join('')}</body></opml>`,
      'text/x-opml',
    ),
  )
  server.route(
    '/sources.opml',
    staticFeed(
      `<?xml version="1.0"?><opml version="2.0"><head><title>fixtures</title></head><body>${outlines.join('')}</body></opml>`,
      'text/x-opml',
    ),
  )
  return {
    base: server.url('').replace(/\/$/, ''),
    async close() {
      await server?.close()
      await internal?.close()
    },
  }
}
