// The Node service as started by `entente serve`: polls that overlap (the timer, the admin route) coalesce into
// one, and a request that fails inside the app is a 500 in the form its route speaks, never a stack trace.
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFeedServer, staticFeed, type FeedServer } from '../../helpers/feed-server.ts'
import { startRealServer } from '../../helpers/real-server.ts'
import { fixture } from '../../helpers/temp-db.ts'

let feeds: FeedServer
let release: () => void = () => {}
beforeAll(async () => {
  const held = new Promise<void>((ok) => (release = ok))
  const seed = staticFeed(readFileSync(fixture('seed-rss.xml')))
  // Answers only once the test lets it: the first poll is still running when the second is asked for.
  feeds = await startFeedServer({ '/held.rss': (req, res) => void held.then(() => seed(req, res)) })
})
afterAll(() => feeds.close())

describe('the Node service', () => {
  it('coalesces overlapping polls: the admin route asked during the timer’s poll gets its summary, nothing is fetched twice', async () => {
    // The timer polls at start; the feed holds its answer until the admin route has been asked too.
    const running = await startRealServer(
      [{ title: 'Held', url: feeds.url('/held.rss') }],
      new URL(feeds.url('/')).host,
      { ENTENTE_POLL_MINUTES: '60' },
    )
    try {
      while (!feeds.requests.some((r) => r.path === '/held.rss')) await new Promise((ok) => setTimeout(ok, 10))
      const admin = running.poll()
      // A second admin request while the first waits is refused rather than queued.
      const refused = await running.poll()
      expect(refused.status).toBe(409)
      expect(await refused.json()).toEqual({ error: { status: 409, message: 'a poll is already running' } })
      release()
      const res = await admin
      expect(res.status).toBe(200)
      const summary = (await res.json()) as { new_items: number; sources: { outcome: string }[] }
      expect(summary).toMatchObject({ new_items: 3, sources: [{ outcome: 'ok' }] })
      expect(feeds.requests.filter((r) => r.path === '/held.rss')).toHaveLength(1)
    } finally {
      await running.close()
    }
  })

  it('answers 500 with a JSON error on data routes and an HTML page on page routes when the database fails', async () => {
    const running = await startRealServer([], new URL(feeds.url('/')).host)
    try {
      // The database goes away under the running app (a disk lost, a file removed).
      await running.db.close()
      const api = await fetch(`${running.base}/api/pairs`)
      expect(api.status).toBe(500)
      expect(await api.json()).toEqual({ error: { status: 500, message: 'internal error' } })
      const page = await fetch(`${running.base}/`)
      expect(page.status).toBe(500)
      expect(page.headers.get('content-type')).toMatch(/^text\/html/)
      const html = await page.text()
      expect(html).toContain('500 · Something went wrong')
      expect(html).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+/)
    } finally {
      running.db.close = async () => {}
      await running.close()
    }
  })
})
