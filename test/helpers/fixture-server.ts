// The real Node server over the three sample feeds (seed RSS, world RDF, desk Atom), polled once: shifts on several
// days, directions and PLOVER event types, for tests that ask it over HTTP as a dashboard or feed reader would.
import { readFileSync } from 'node:fs'
import { startFeedServer, staticFeed } from './feed-server.ts'
import { startRealServer } from './real-server.ts'
import { fixture } from './temp-db.ts'

export async function startFixtureServer(env: Record<string, string> = {}, allowHosts: string[] = []) {
  const feeds = await startFeedServer({
    '/seed.rss': staticFeed(readFileSync(fixture('seed-rss.xml'))),
    '/world.rdf': staticFeed(readFileSync(fixture('world-rdf.xml'))),
    '/desk.atom': staticFeed(readFileSync(fixture('desk-atom.xml'))),
  })
  const outlines = ['/seed.rss', '/world.rdf', '/desk.atom'].map((p) => ({ title: `Desk ${p}`, url: feeds.url(p) }))
  const running = await startRealServer(outlines, [new URL(feeds.url('/')).host, ...allowHosts].join(','), env)
  const poll = await running.poll()
  if (poll.status !== 200) throw new Error(`poll answered ${poll.status}: ${await poll.text()}`)
  return {
    ...running,
    feeds,
    summary: (await poll.json()) as Record<string, unknown>,
    get: (path: string, init: RequestInit = {}) => fetch(running.base + path, init),
    close: async () => {
      await running.close()
      await feeds.close()
    },
  }
}

export type FixtureServer = Awaited<ReturnType<typeof startFixtureServer>>
