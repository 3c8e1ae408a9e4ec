// The Hono application, the same on Node and Workers; runtime specifics arrive through AppDeps.
import { Hono } from 'hono'
import type { AppDeps } from './app-deps.ts'
import { apiRoutes } from './api-routes.ts'
import { corsHeaders, preflightAndAllow } from './cors.ts'
import { docsRoutes } from './docs-routes.ts'
import { errorResponse, HttpError } from './errors.ts'
import { exportRoutes } from './export-routes.ts'
import { feedRoutes } from './feed-routes.ts'
import { opmlRoute } from './opml-route.ts'
import { pageRoutes } from './page-routes.ts'
import { securityHeaders } from './security-headers.ts'
import { sourcesRoute } from './sources-route.ts'

export function createApp(deps: AppDeps): Hono {
  const app = new Hono()
  securityHeaders(app)
  corsHeaders(app)
  feedRoutes(app, deps)
  opmlRoute(app, deps)
  exportRoutes(app, deps)
  apiRoutes(app, deps)
  sourcesRoute(app, deps)
  pageRoutes(app, deps)
  docsRoutes(app, deps)
  preflightAndAllow(app)
  app.notFound((c) =>
    errorResponse(c, 404, `no page or route for ${c.req.method} ${new URL(c.req.url).pathname.slice(0, 200)}`),
  )
  app.onError((err, c) => {
    if (err instanceof HttpError) return errorResponse(c, err.status, err.message, err.detail)
    console.error(`[entente] ${c.req.method} ${new URL(c.req.url).pathname} failed:`, err)
    return errorResponse(c, 500, 'internal error')
  })
  return app
}
