// The Hono application, the same on Node and Workers; runtime specifics arrive through AppDeps.
import { Hono } from 'hono'
import type { AppDeps } from './app-deps.ts'
import { apiRoutes } from './api-routes.ts'
import { corsHeaders, preflightAndAllow } from './cors.ts'
import { HttpError, jsonError } from './errors.ts'
import { docsRoutes } from './docs-routes.ts'
import { exportRoutes } from './export-routes.ts'
import { feedRoutes } from './feed-routes.ts'
import { opmlRoute } from './opml-route.ts'
import { pageRoutes } from './page-routes.ts'
import { securityHeaders } from './security-headers.ts'

export function createApp(deps: AppDeps): Hono {
  const app = new Hono()
  securityHeaders(app)
  corsHeaders(app)
  feedRoutes(app, deps)
  opmlRoute(app, deps)
  exportRoutes(app, deps)
  apiRoutes(app, deps)
  pageRoutes(app, deps)
  docsRoutes(app, deps)
  preflightAndAllow(app)
  app.notFound((c) => jsonError(c, 404, `no route for ${c.req.method} ${new URL(c.req.url).pathname}`))
  app.onError((err, c) => {
    if (err instanceof HttpError) return jsonError(c, err.status, err.message, err.detail)
    console.error(`[entente] ${c.req.method} ${new URL(c.req.url).pathname} failed:`, err)
    return jsonError(c, 500, 'internal error')
  })
  return app
}
