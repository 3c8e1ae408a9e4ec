// A publisher farm on 127.0.0.1 in its own process: `count` feeds of `window` items that honour If-None-Match.
// POST /advance?every=k gives every k-th feed `step` new items (a new ETag); the others keep answering 304.
// Bodies are rendered when they change, not per request, as a static file server would serve them.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { pathToFileURL } from 'node:url'
import { renderFeed, type GeneratedFeed } from './generate-feeds.ts'

export interface FarmOptions {
  count: number
  window: number
  step: number
}

export function startFeedFarm({ count, window, step }: FarmOptions): Promise<number> {
  const version = new Array<number>(count).fill(0)
  const bodies: GeneratedFeed[] = Array.from({ length: count }, (_, i) => renderFeed(i, 0, window))
  const etag = (i: number) => `"feed${i}-v${version[i]}"`
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (req.method === 'POST' && url.pathname === '/advance') {
      const every = Number(url.searchParams.get('every')) || 1
      for (let i = 0; i < count; i += every) {
        version[i]!++
        bodies[i] = renderFeed(i, version[i]! * step, window)
      }
      res.end('ok')
      return
    }
    const m = /^\/feeds\/(\d+)\.xml$/.exec(url.pathname)
    const i = m ? Number(m[1]) : -1
    if (!(i >= 0 && i < count)) {
      res.writeHead(404).end()
      return
    }
    if (req.headers['if-none-match'] === etag(i)) {
      res.writeHead(304, { ETag: etag(i) }).end()
      return
    }
    const f = bodies[i]!
    res.writeHead(200, { 'Content-Type': f.contentType, 'Content-Length': f.body.byteLength, ETag: etag(i) })
    res.end(f.body)
  })
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok((server.address() as AddressInfo).port)))
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const [count, window, step] = process.argv.slice(2).map(Number)
  void startFeedFarm({ count: count ?? 1000, window: window ?? 20, step: step ?? 5 }).then((port) =>
    process.stdout.write(`${port}\n`),
  )
}
