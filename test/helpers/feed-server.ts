// A real HTTP server on 127.0.0.1 serving feed fixtures the way publishers do: validators, redirects,
// errors, slow and oversized bodies. Every request is recorded so tests can check what the client sent.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createHash } from 'node:crypto'
import type { AddressInfo } from 'node:net'

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>

export interface FeedServer {
  url: (path: string) => string
  requests: { path: string; headers: IncomingMessage['headers'] }[]
  route: (path: string, handler: Handler) => void
  close: () => Promise<void>
}

/** Serves `body` with an ETag and Last-Modified, answering 304 to matching conditional requests. */
export function staticFeed(
  body: Buffer | string,
  contentType = 'application/rss+xml; charset=utf-8',
  lastModified = 'Mon, 08 Jan 2018 12:00:00 GMT',
): Handler {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body
  const etag = `"${createHash('sha1').update(bytes).digest('hex').slice(0, 16)}"`
  return (req, res) => {
    if (
      req.headers['if-none-match'] === etag ||
      (!req.headers['if-none-match'] && req.headers['if-modified-since'] === lastModified)
    ) {
      res.writeHead(304, { ETag: etag, 'Last-Modified': lastModified })
      res.end()
      return
    }
    res.writeHead(200, {
      'Content-Type': contentType,
      'Content-Length': bytes.length,
      ETag: etag,
      'Last-Modified': lastModified,
    })
    res.end(bytes)
  }
}

export async function startFeedServer(routes: Record<string, Handler> = {}): Promise<FeedServer> {
  const table = new Map(Object.entries(routes))
  const requests: FeedServer['requests'] = []
  const server: Server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0]!
    requests.push({ path, headers: req.headers })
    const handler = table.get(path)
    if (!handler) {
      res.writeHead(404, { 'Content-Type': 'text/plain' })
      res.end('not found')
      return
    }
    try {
      await handler(req, res)
    } catch {
      if (!res.headersSent) res.writeHead(500)
      res.end()
    }
  })
  const sockets = new Set<import('node:net').Socket>()
  server.on('connection', (s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const { port } = server.address() as AddressInfo
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    route: (path, handler) => void table.set(path, handler),
    close: () =>
      new Promise<void>((ok) => {
        for (const s of sockets) s.destroy()
        server.close(() => ok())
      }),
  }
}
