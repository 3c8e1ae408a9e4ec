// The home page without shifts says what happened, over real HTTP from the real server: nothing read yet, the first
// poll running, every source failing, or items read that yielded nothing (some in languages the engine does not
// read); and it always points to the demo. The page follows the sources as they change: it is never served stale.
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFeedServer, staticFeed, type FeedServer } from '../helpers/feed-server.ts'
import { startRealServer } from '../helpers/real-server.ts'
import { fixture } from '../helpers/temp-db.ts'

const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ')

describe('the home page with no shifts', () => {
  let feeds: FeedServer
  let release: () => void = () => {}
  const held = new Promise<void>((ok) => (release = ok))
  let arrived = 0
  let allArrived: () => void = () => {}
  const bothArrived = new Promise<void>((ok) => (allArrived = ok))
  let server: Awaited<ReturnType<typeof startRealServer>>
  beforeAll(async () => {
    // Two publishers that take their time and then fail, as everything does without internet.
    const slowThenDown = async (_req: unknown, res: import('node:http').ServerResponse) => {
      if (++arrived === 2) allArrived()
      await held
      res.writeHead(503, { 'Content-Type': 'text/plain' })
      res.end('down')
    }
    feeds = await startFeedServer({ '/a.rss': slowThenDown, '/b.rss': slowThenDown })
    server = await startRealServer(
      [
        { title: 'Wire A', url: feeds.url('/a.rss') },
        { title: 'Wire B', url: feeds.url('/b.rss') },
      ],
      new URL(feeds.url('/')).host,
    )
  })
  afterAll(async () => {
    release()
    await server?.close()
    await feeds?.close()
  })

  it('says no source was read yet, that polling is off, and how to poll, import or run the demo', async () => {
    const res = await fetch(`${server.base}/`)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-cache')
    const page = text(await res.text())
    expect(page).toContain('No shifts yet: no source has been read.')
    expect(page).toContain(
      'Polling is off (ENTENTE_POLL_MINUTES=0): run npx entente poll --once, or import feed files with npx entente import PATH…',
    )
    expect(page).toContain('run npm run demo: it imports the sample feeds shipped in feeds/samples/')
  })

  it('says the first poll is running while no source has answered, then that every source failed, and why', async () => {
    const poll = server.poll()
    await bothArrived
    const running = await fetch(`${server.base}/`)
    const during = text(await running.text())
    expect(during).toContain('No shifts yet: the first poll is running. 2 sources are listed and none has answered yet')
    expect(during).toContain('npm run demo')
    release()
    expect((await poll).status).toBe(200)
    // Same URL, new state: a client revalidating the page it had gets the new one.
    const after = await fetch(`${server.base}/`, { headers: { 'If-None-Match': running.headers.get('etag')! } })
    expect(after.status).toBe(200)
    const failed = text(await after.text())
    expect(failed).toContain('No shifts: all 2 sources failed at their last poll.')
    expect(failed).toContain('Wire A: HTTP 503 Service Unavailable')
    expect(failed).toContain('Wire B: HTTP 503 Service Unavailable')
    expect(failed).toContain('Each source’s outcome, error and counts: /api/sources')
    expect(failed).toContain('npm run demo')
  })
})

describe('the home page when sources answer but nothing yields a shift', () => {
  it('counts the items read and the ones in languages the engine does not read', async () => {
    const weather = `<?xml version="1.0"?><rss version="2.0"><channel><title>Weather</title><link>https://weather.example/</link><item><title>Cold snap</title><guid>w1</guid><link>https://weather.example/1</link><description>The weather in Tehran and Riyadh was unusually cold this week, with snow reported in both cities.</description></item></channel></rss>`
    const feeds = await startFeedServer({
      '/weather.rss': staticFeed(weather),
      '/noticias.atom': staticFeed(readFileSync(fixture('noticias-pt-atom.xml')), 'application/atom+xml'),
    })
    const server = await startRealServer(
      [
        { title: 'Weather', url: feeds.url('/weather.rss') },
        { title: 'Notícias', url: feeds.url('/noticias.atom') },
      ],
      new URL(feeds.url('/')).host,
    )
    try {
      expect((await server.poll()).status).toBe(200)
      const page = text(await (await fetch(`${server.base}/`)).text())
      expect(page).toContain(
        'No shifts yet. 4 items read from 2 sources, and none named two actors in a way the engine scores.',
      )
      expect(page).toContain(
        '3 items are in languages Entente does not read (por 3): it reads English, and stores and counts the others.',
      )
      expect(page).toContain('npm run demo')
    } finally {
      await server.close()
      await feeds.close()
    }
  })
})
