// JSON errors with the right status; never a stack trace.
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

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

export function jsonError(c: Context, status: ContentfulStatusCode, message: string, detail?: Record<string, unknown>): Response {
  c.header('Cache-Control', 'no-store')
  return c.json({ error: { ...detail, status, message } }, status)
}
