// GET /api/sources: every source with its last outcome, next poll, error, item and signal counts and languages, so
// a dashboard (or a newcomer wondering why nothing shows) sees what was read and what could not be.
import type { Hono } from 'hono'
import { ANALYSED_LANGUAGES, digestSources, sourceView } from '../publish/source-view.ts'
import { publishable } from '../publish/escape.ts'
import { listSources } from '../store/sources-store.ts'
import type { AppDeps } from './app-deps.ts'
import { fnv1a, respond } from './conditional.ts'
import { dataVersion } from './feed-routes.ts'
import { readQuery } from './query-params.ts'

export function sourcesRoute(app: Hono, deps: AppDeps): void {
  app.get('/api/sources', async (c) => {
    readQuery(new URL(c.req.url).searchParams, [], deps, '/api/sources')
    const sources = (await listSources(deps.db)).map((row) => sourceView(row, deps.pollMinutes))
    const { languages, unanalysed } = digestSources(sources)
    const body = JSON.stringify(
      {
        analysed_languages: ANALYSED_LANGUAGES,
        poll_minutes: deps.pollMinutes,
        total: sources.length,
        languages,
        unanalysed,
        sources,
      },
      publishable,
    )
    // Outcomes change with every poll, shifts or not: validated by the body itself, never cached for long.
    const last = sources.reduce((m, s) => (s.last_polled_at && s.last_polled_at > m ? s.last_polled_at : m), '')
    return respond(
      c,
      {
        body,
        etag: `"${fnv1a(body)}-${body.length.toString(16)}"`,
        lastModified: new Date(last || (await dataVersion(deps))).toUTCString(),
      },
      'application/json; charset=utf-8',
      'no-cache',
    )
  })
}
