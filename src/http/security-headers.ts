// Headers every answer carries. Pages run no script, so their policy allows none: only their one inline style
// (by its hash) and data: images (the favicon). Feeds and JSON are never a document to render: a browser that
// opens one gets a sandbox with nothing allowed. nosniff stops a browser from reading a feed as HTML.
import type { Hono } from 'hono'
import { STYLE } from './page-layout.ts'

let styleHash: Promise<string> | undefined

function pagePolicy(): Promise<string> {
  styleHash ??= crypto.subtle
    .digest('SHA-256', new TextEncoder().encode(STYLE))
    .then((d) => btoa(String.fromCharCode(...new Uint8Array(d))))
  return styleHash.then(
    (hash) =>
      `default-src 'none'; style-src 'sha256-${hash}'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
  )
}

const DATA_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox"

export function securityHeaders(app: Hono): void {
  app.use('*', async (c, next) => {
    await next()
    c.header('X-Content-Type-Options', 'nosniff')
    // A 304's headers update the cached answer's: it keeps the policy of the representation it confirms.
    if (c.res.status === 304) return
    const html = (c.res.headers.get('content-type') ?? '').startsWith('text/html')
    c.header('Content-Security-Policy', html ? await pagePolicy() : DATA_POLICY)
  })
}
