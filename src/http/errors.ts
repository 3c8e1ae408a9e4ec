// Errors with the right status, never a stack trace: JSON for the API, feeds and other data routes, an HTML page
// for the routes people open in a browser, so a mistyped pair link shows a page with a way back instead of JSON.
import type { Context } from 'hono'
import { html } from 'hono/html'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { layout } from './page-layout.ts'

export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
    /** more machine-readable detail for the error object, e.g. the parameters a route takes */
    readonly detail?: Record<string, unknown>,
  ) {
    super(message)
  }
}

export function jsonError(
  c: Context,
  status: ContentfulStatusCode,
  message: string,
  detail?: Record<string, unknown>,
): Response {
  c.header('Cache-Control', 'no-store')
  return c.json({ error: { ...detail, status, message } }, status)
}

/** Data routes answer JSON errors: the API, feeds, OPML, health and admin, and anything named like a data file. */
export function isPagePath(pathname: string): boolean {
  if (/^\/(?:api|feeds|admin)(?:\/|$)|^\/(?:healthz|feeds\.opml|openapi\.json)$/.test(pathname)) return false
  return !/\.(?:json|csv|ndjson|atom|rss|xml|opml|txt)$/i.test(pathname)
}

const REASONS: Partial<Record<number, string>> = {
  400: 'Bad request',
  404: 'Not found',
  405: 'Method not allowed',
  500: 'Something went wrong',
}

export async function htmlError(c: Context, status: ContentfulStatusCode, message: string): Promise<Response> {
  c.header('Cache-Control', 'no-store')
  const reason = REASONS[status] ?? 'Error'
  const page = await layout(
    `Entente — ${reason}`,
    null,
    html`<h1>${status} · ${reason}</h1>
<p>${message}</p>
<p>Pairs are written with two actor ids joined by <code>--</code>, e.g. <a href="/pairs/hamas--iran">/pairs/hamas--iran</a>; actor ids are listed at <a href="/api/actors">/api/actors</a>.</p>
<p><a href="/">Back to the recent shifts</a></p>`,
  )
  return c.html(String(page), status)
}

/** The error in the form its route speaks. */
export function errorResponse(
  c: Context,
  status: ContentfulStatusCode,
  message: string,
  detail?: Record<string, unknown>,
): Response | Promise<Response> {
  return isPagePath(new URL(c.req.url).pathname) ? htmlError(c, status, message) : jsonError(c, status, message, detail)
}
