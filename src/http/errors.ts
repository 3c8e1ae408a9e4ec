// JSON errors with the right status; never a stack trace.
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
  ) {
    super(message)
  }
}

export function jsonError(c: Context, status: ContentfulStatusCode, message: string): Response {
  c.header('Cache-Control', 'no-store')
  return c.json({ error: { status, message } }, status)
}
