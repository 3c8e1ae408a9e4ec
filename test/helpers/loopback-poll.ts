// What a poll test needs around a loopback feed server: the poller's own guarded fetch told about the server (as
// ENTENTE_ALLOW_HOSTS would), a fixed clock, a temporary store, an app over it read at a fixed clock, and an RSS
// writer for real-looking items (a title, a guid, a link, an optional date and the text).
import { getEngine } from '../../src/analyze/engine.ts'
import { createApp } from '../../src/http/app.ts'
import { RenderCache } from '../../src/http/conditional.ts'
import { parseAllowHosts } from '../../src/ingest/url-policy.ts'
import type { Analyzer } from '../../src/poll/analyze-item.ts'
import type { PollDeps } from '../../src/poll/run-poll.ts'
import { guardedFetch } from '../../src/runtime/node/guarded-fetch.ts'
import type { Db } from '../../src/store/schema.ts'
import type { FeedServer } from './feed-server.ts'
import { silentLog } from './temp-db.ts'

export const BASE = 'http://entente.test'

export function pollDeps(server: FeedServer, db: Db, now: Date, analyzer?: Analyzer): PollDeps {
  return {
    fetch: guardedFetch(parseAllowHosts(new URL(server.url('/')).host)),
    db,
    now: () => now,
    log: silentLog,
    ...(analyzer ? { analyzer } : {}),
  }
}

export function appAt(db: Db, now: Date) {
  const app = createApp({
    db,
    gazetteer: getEngine().gazetteer,
    baseUrl: BASE,
    pollMinutes: 15,
    adminToken: null,
    cache: new RenderCache(),
    now: () => now,
  })
  return {
    app,
    get: (path: string, headers: Record<string, string> = {}) => app.request(`${BASE}${path}`, { headers }),
    json: async <T>(path: string) => (await app.request(`${BASE}${path}`)).json() as Promise<T>,
  }
}

export interface RssItem {
  guid: string
  text: string
  title?: string
  link?: string
  /** written as the publisher wrote it; absent: no date at all */
  date?: string
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')

export function rssFeed(
  title: string,
  items: RssItem[],
  site = `https://${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.example/`,
): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>${esc(title)}</title><link>${site}</link><description>${esc(title)}</description>
${items
  .map(
    (i) =>
      `<item><title>${esc(i.title ?? i.text.split(' ').slice(0, 6).join(' '))}</title><guid isPermaLink="false">${esc(i.guid)}</guid><link>${esc(i.link ?? `${site}${i.guid}`)}</link>${i.date ? `<pubDate>${esc(i.date)}</pubDate>` : ''}<description>${esc(i.text)}</description></item>`,
  )
  .join('\n')}
</channel></rss>`
}
