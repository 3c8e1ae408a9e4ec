// GET /api/shifts.csv, /api/pairs.csv and /api/signals.ndjson: the exports streamed (see export-streams.ts), with
// an ETag computed before any row is read, so a client that already has the export gets a 304 for free.
import type { Hono } from 'hono'
import type { AppDeps } from './app-deps.ts'
import { etagFor, isNotModified } from './conditional.ts'
import { cacheControl, dataVersion } from './feed-routes.ts'
import { CSV_TYPE, EXPORT_TYPES, lineStream, NDJSON_TYPE, openExport, type ExportName } from './export-streams.ts'
import { queryString } from './query-params.ts'

export function exportRoutes(app: Hono, deps: AppDeps): void {
  for (const name of Object.keys(EXPORT_TYPES) as ExportName[]) {
    const { route, format } = EXPORT_TYPES[name]
    app.get(route, async (c) => {
      const opened = await openExport(deps, name, new URL(c.req.url).searchParams)
      const key = `${deps.baseUrl}\u0000${route}${queryString(opened.canonical)}`
      let etag: string
      let lastModified = ''
      if (opened.head !== undefined) {
        // Signals are versioned by the head of their log: a poll that stores one moves it.
        etag = etagFor(`signals:${opened.head}`, key)
        c.header('X-Entente-Cursor', String(opened.head))
        c.header('Cache-Control', 'no-cache')
      } else {
        const version = await dataVersion(deps)
        etag = etagFor(version, key)
        lastModified = new Date(version).toUTCString()
        c.header('Last-Modified', lastModified)
        c.header('Cache-Control', cacheControl(deps))
      }
      c.header('ETag', etag)
      c.header('Vary', 'Accept-Encoding')
      if (isNotModified(c, etag, lastModified)) return c.body(null, 304)
      c.header('Content-Type', format === 'csv' ? CSV_TYPE : NDJSON_TYPE)
      c.header('Content-Disposition', `attachment; filename="entente-${name}.${format}"`)
      const stream = lineStream(opened.lines(), (err) =>
        console.error(`[entente] ${route} failed while streaming:`, err),
      )
      return c.body(stream, 200)
    })
  }
}
