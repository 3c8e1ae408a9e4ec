// An app over a real SQLite file filled by a real poll of the fixture feeds, served on 127.0.0.1 by the real Node
// server with compression: `get` and `request` go over HTTP.
import { readFileSync } from 'node:fs'
import { getEngine } from '../../src/analyze/engine.ts'
import { createApp } from '../../src/http/app.ts'
import { RenderCache } from '../../src/http/conditional.ts'
import { runPoll } from '../../src/poll/run-poll.ts'
import { parseAllowHosts } from '../../src/ingest/url-policy.ts'
import { guardedFetch } from '../../src/runtime/node/guarded-fetch.ts'
import { startFeedServer, staticFeed } from '../helpers/feed-server.ts'
import { serveApp } from '../helpers/serve-app.ts'
import { fixture, silentLog, tempDb } from '../helpers/temp-db.ts'

export const BASE = 'http://entente.test'
/** The instant the fixture poll runs at. */
export const POLLED_AT = new Date('2026-06-01T12:00:00Z')

export async function populatedApp(options: { adminToken?: string | null; now?: () => Date } = {}) {
  const server = await startFeedServer({
    '/seed.rss': staticFeed(readFileSync(fixture('seed-rss.xml'))),
    '/world.rdf': staticFeed(readFileSync(fixture('world-rdf.xml'))),
    '/desk.atom': staticFeed(readFileSync(fixture('desk-atom.xml'))),
  })
  const t = await tempDb()
  const sources = ['/seed.rss', '/world.rdf', '/desk.atom'].map((p) => ({
    url: server.url(p),
    title: `Desk <${p}> & co`,
  }))
  // The poller's own fetch, told about the fixture server as ENTENTE_ALLOW_HOSTS would.
  const deps = {
    fetch: guardedFetch(parseAllowHosts(new URL(server.url('/')).host)),
    db: t.db,
    now: () => POLLED_AT,
    log: silentLog,
  }
  await runPoll(deps, sources)
  const app = createApp({
    db: t.db,
    gazetteer: getEngine().gazetteer,
    baseUrl: BASE,
    pollMinutes: 15,
    adminToken: options.adminToken === undefined ? 'secret-token-123' : options.adminToken,
    poll: () => runPoll(deps, sources),
    cache: new RenderCache(),
    ...(options.now ? { now: options.now } : {}),
  })
  const served = await serveApp(app)
  return {
    app,
    db: t.db,
    origin: served.origin,
    get: (path: string, headers: Record<string, string> = {}) => served.request(path, { headers }),
    request: (path: string, init?: RequestInit) => served.request(path, init),
    close: async () => {
      await served.close()
      await server.close()
      await t.cleanup()
    },
  }
}
