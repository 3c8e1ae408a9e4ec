// Cross-origin reads: everything Entente serves to GET is public data, so any origin may read it (feeds, exports and
// errors included, so a dashboard can show why a request failed). A request with a header such as If-None-Match
// is preflighted: every GET route answers OPTIONS, computed from the routes registered, so a route added later is
// covered without a list to keep. Credentials are never involved, so `*` is enough and nothing varies by Origin.
// Other methods on a GET route answer 405 with Allow instead of a 404 that would say the route does not exist.
import type { Context, Hono } from 'hono'
import { errorResponse } from './errors.ts'

export const EXPOSED_HEADERS = 'ETag, Last-Modified, Link, Content-Disposition, X-Entente-Cursor'
const PREFLIGHT_MAX_AGE = '86400'
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const

export function corsHeaders(app: Hono): void {
  app.use('*', async (c, next) => {
    await next()
    const method = c.req.method
    if (method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS') return
    if (method === 'OPTIONS' && !c.res.headers.get('allow')?.includes('GET')) return
    c.header('Access-Control-Allow-Origin', '*')
    c.header('Access-Control-Expose-Headers', EXPOSED_HEADERS)
  })
}

/** Call after every route is registered: answers OPTIONS on each route path and 405 for methods it lacks. */
export function preflightAndAllow(app: Hono): void {
  const methods = new Map<string, Set<string>>()
  for (const r of app.routes) {
    if (!(METHODS as readonly string[]).includes(r.method) || r.path.includes('*')) continue
    const set = methods.get(r.path) ?? new Set<string>()
    set.add(r.method)
    methods.set(r.path, set)
  }
  for (const [path, set] of methods) {
    const allow = [...set, ...(set.has('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', ')
    app.options(path, (c) => {
      c.header('Allow', allow)
      if (set.has('GET')) {
        c.header('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS')
        // Any request header (If-None-Match, If-Modified-Since, Accept…): nothing here depends on credentials.
        c.header('Access-Control-Allow-Headers', '*')
        c.header('Access-Control-Max-Age', PREFLIGHT_MAX_AGE)
      }
      c.header('Cache-Control', `public, max-age=${PREFLIGHT_MAX_AGE}`)
      return c.body(null, 204)
    })
    const missing = METHODS.filter((m) => !set.has(m))
    const methodNotAllowed = (c: Context) => {
      c.header('Allow', allow)
      return errorResponse(c, 405, `${c.req.method} is not allowed here: use ${allow}`)
    }
    if (missing.length) app.on([...missing], path, methodNotAllowed)
  }
}
