// ETag, Last-Modified and 304s. Every representation is versioned by the store's `changed_at`, so an
// unchanged feed is answered from memory or with a 304, never rendered twice.
import type { Context } from 'hono'

export function fnv1a(s: string): string {
  let h1 = 0x811c9dc5
  let h2 = 0x01000193
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 0x01000193)
    h2 = Math.imul(h2 ^ c, 0x5bd1e995)
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0')
}

export interface Representation {
  body: string
  etag: string
  lastModified: string
}

/** A cache shared between processes or isolates (the Cache API on Workers). */
export interface SharedCache {
  get(key: string): Promise<string | undefined>
  put(key: string, body: string): Promise<void>
}

/**
 * Renders at most once per (version, key); bounded so that crawlers cannot grow it without limit. Keys carry
 * the data version, so a poll that changes the data invalidates every rendering by moving on to new keys.
 */
export class RenderCache {
  private readonly map = new Map<string, Representation>()
  constructor(
    private readonly max = 400,
    private readonly shared?: SharedCache,
  ) {}

  async get(version: string, key: string, render: () => Promise<string> | string): Promise<Representation> {
    const k = `${version}\u0000${key}`
    const hit = this.map.get(k)
    if (hit) return hit
    const sharedKey = `${fnv1a(k)}-${k.length}`
    let body = await this.shared?.get(sharedKey)
    if (body === undefined) {
      body = await render()
      await this.shared?.put(sharedKey, body)
    }
    const rep = { body, etag: `"${fnv1a(k)}"`, lastModified: new Date(version).toUTCString() }
    if (this.map.size >= this.max) this.map.delete(this.map.keys().next().value!)
    this.map.set(k, rep)
    return rep
  }
}

export function etagFor(version: string, key: string): string {
  return `"${fnv1a(`${version}\u0000${key}`)}"`
}

export function isNotModified(c: Context, etag: string, lastModified: string): boolean {
  const inm = c.req.header('if-none-match')
  if (inm !== undefined) {
    if (inm.trim() === '*') return true
    return inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)
  }
  const ims = c.req.header('if-modified-since')
  if (ims) {
    const since = Date.parse(ims)
    const modified = Date.parse(lastModified)
    if (!Number.isNaN(since) && !Number.isNaN(modified) && Math.floor(modified / 1000) <= Math.floor(since / 1000)) return true
  }
  return false
}

export function respond(c: Context, rep: Representation, contentType: string, cacheControl: string): Response {
  c.header('ETag', rep.etag)
  c.header('Last-Modified', rep.lastModified)
  c.header('Cache-Control', cacheControl)
  c.header('Vary', 'Accept-Encoding')
  if (isNotModified(c, rep.etag, rep.lastModified)) return c.body(null, 304)
  c.header('Content-Type', contentType)
  return c.body(rep.body, 200)
}
