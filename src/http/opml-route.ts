// GET /feeds.opml: every active feed in one subscription list.
import type { Hono } from 'hono'
import { escapeHtml } from '../publish/escape.ts'
import { activeFeeds } from '../store/read-queries.ts'
import type { AppDeps } from './app-deps.ts'
import { respond } from './conditional.ts'
import { cacheControl, dataVersion } from './feed-routes.ts'
import { readQuery } from './query-params.ts'

export function opmlRoute(app: Hono, deps: AppDeps): void {
  app.get('/feeds.opml', async (c) => {
    readQuery(new URL(c.req.url).searchParams, [], deps, '/feeds.opml')
    const version = await dataVersion(deps)
    const rep = await deps.cache.get(version, 'opml', async () => {
      const { pairs, actors } = await activeFeeds(deps.db)
      const name = (id: string) => deps.gazetteer.name(id)
      const outline = (title: string, path: string, page: string) =>
        `<outline type="rss" text="${escapeHtml(title)}" title="${escapeHtml(title)}" xmlUrl="${escapeHtml(deps.baseUrl + path)}" htmlUrl="${escapeHtml(deps.baseUrl + page)}"/>`
      return [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<opml version="2.0"><head><title>Entente feeds</title>',
        `<dateModified>${new Date(version).toUTCString()}</dateModified></head><body>`,
        outline('Entente — alignment shifts', '/feeds/shifts.atom', '/'),
        outline('Entente — corrections', '/feeds/corrections.atom', '/corrections'),
        `<outline text="Pairs">`,
        ...pairs.map((p) => {
          const [a, b] = p.split('--') as [string, string]
          return outline(`Entente — ${name(a)}–${name(b)}`, `/feeds/pairs/${p}.atom`, `/pairs/${p}`)
        }),
        `</outline><outline text="Actors">`,
        ...actors.map((id) => outline(`Entente — ${name(id)}`, `/feeds/actors/${id}.atom`, `/actors/${id}`)),
        '</outline></body></opml>',
      ].join('\n')
    })
    return respond(c, rep, 'text/x-opml; charset=utf-8', cacheControl(deps))
  })
}
