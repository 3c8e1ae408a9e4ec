// Named character references in a publisher's feed, polled over loopback HTTP by the real server, come out as the
// characters they name in what Entente publishes: the pair's evidence in the API and on its page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFeedServer, staticFeed, type FeedServer } from '../helpers/feed-server.ts'
import { startRealServer } from '../helpers/real-server.ts'

const SENTENCE =
  'Brazil and Argentina signed a trade agreement in S&atilde;o Paulo on a 30&deg;C day, after 3&times; delays, as the &Eacute;lys&eacute;e looked on.'
const DECODED =
  'Brazil and Argentina signed a trade agreement in São Paulo on a 30°C day, after 3× delays, as the Élysée looked on.'
// Another story, not a copy of the first: copies of one sentence are published as one quote.
const SECOND =
  'Argentina and Brazil agreed to expand trade at a summit in Bras&iacute;lia, cutting tariffs by &frac12; on the Paran&aacute; route.'
const SECOND_DECODED =
  'Argentina and Brazil agreed to expand trade at a summit in Brasília, cutting tariffs by ½ on the Paraná route.'

describe('character references in a polled feed', () => {
  let feeds: FeedServer
  let server: Awaited<ReturnType<typeof startRealServer>>
  beforeAll(async () => {
    // Escaped HTML in one item (the usual RSS description), raw HTML in CDATA in the other.
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Am&amp;eacute;ricas</title><link>https://americas.example/</link>
<item><title>Trade pact</title><guid>p1</guid><link>https://americas.example/1</link><pubDate>Tue, 20 Feb 2018 10:00:00 GMT</pubDate><description>&lt;p&gt;${SENTENCE.replace(/&/g, '&amp;')}&lt;/p&gt;</description></item>
<item><title>Pact, again</title><guid>p2</guid><link>https://americas.example/2</link><pubDate>Tue, 20 Feb 2018 11:00:00 GMT</pubDate><description><![CDATA[<p>${SECOND}</p>]]></description></item>
</channel></rss>`
    feeds = await startFeedServer({ '/americas.rss': staticFeed(rss) })
    server = await startRealServer(
      [{ title: 'Américas', url: feeds.url('/americas.rss') }],
      new URL(feeds.url('/')).host,
    )
    expect((await server.poll()).status).toBe(200)
  })
  afterAll(async () => {
    await server?.close()
    await feeds?.close()
  })

  it('are decoded, case and all, in the evidence the API and the pair page publish', async () => {
    const pair = (await (await fetch(`${server.base}/api/pairs/argentina--brazil`)).json()) as {
      shifts: { evidence: { text: string }[] }[]
    }
    const quotes = pair.shifts.flatMap((s) => s.evidence.map((e) => e.text))
    expect(quotes).toContain(DECODED)
    expect(quotes).toContain(SECOND_DECODED)
    for (const q of quotes) expect(q).not.toMatch(/&[a-zA-Z]+;/)
    const page = await (await fetch(`${server.base}/pairs/argentina--brazil`)).text()
    expect(page).toContain(DECODED)
  })
})
