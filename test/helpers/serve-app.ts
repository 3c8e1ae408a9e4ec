// An app served as the service serves it: the real @hono/node-server with compression and conditional GET
// (withCompression) on 127.0.0.1, so HTTP suites go through the same path as a feed reader, not app.request().
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import type { Hono } from 'hono'
import { withCompression } from '../../src/runtime/node/index.ts'

export interface ServedApp {
  /** http://127.0.0.1:PORT */
  origin: string
  /** a request to a path on the served app (headers and method as given) */
  request(path: string, init?: RequestInit): Promise<Response>
  close(): Promise<void>
}

export async function serveApp(app: Hono): Promise<ServedApp> {
  const server = serve({ fetch: withCompression((req) => app.fetch(req)), port: 0, hostname: '127.0.0.1' })
  await new Promise<void>((ok, fail) => {
    if (server.listening) ok()
    server.once('listening', () => ok())
    server.once('error', fail)
  })
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    origin,
    // Redirects are answers to check, not to follow, as with app.request().
    request: (path, init) => fetch(`${origin}${path}`, { redirect: 'manual', ...init }),
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  }
}
