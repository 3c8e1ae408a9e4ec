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

export interface RenderCacheOptions {
  /** total UTF-16 size of the bodies kept, in bytes (default 32 MiB) */
  maxBytes?: number
  shared?: SharedCache
  /**
   * What else a rendering depends on: the base URL its self links carry. Part of every key and ETag, so the
   * renderings for two origins never stand in for each other in a cache shared between them.
   */
  namespace?: string
}

/**
 * Renders at most once per (version, key), least recently used out, bounded in bytes rather than entries: the
 * keys are built from validated parameters only, and one entry may be a large feed. Keys carry the data version,
 * so a poll that changes the data invalidates every rendering by moving on to new keys.
 */
export class RenderCache {
  private readonly map = new Map<string, Representation>()
  private bytes = 0
  private readonly maxBytes: number
  private readonly shared: SharedCache | undefined
  private readonly namespace: string

  constructor(options: RenderCacheOptions = {}) {
    this.maxBytes = options.maxBytes ?? 32 * 1024 * 1024
    this.shared = options.shared
    this.namespace = options.namespace ?? ''
  }

  /** Bytes and entries held, for tests and diagnostics. */
  get size(): { bytes: number; entries: number } {
    return { bytes: this.bytes, entries: this.map.size }
  }

  async get(version: string, key: string, render: () => Promise<string> | string): Promise<Representation> {
    const k = `${this.namespace}\u0000${version}\u0000${key}`
    const hit = this.map.get(k)
    if (hit) {
      this.map.delete(k)
      this.map.set(k, hit)
      return hit
    }
    const sharedKey = `${fnv1a(k)}-${k.length}`
    let body = await this.shared?.get(sharedKey)
    if (body === undefined) {
      body = await render()
      await this.shared?.put(sharedKey, body)
    }
    const rep = { body, etag: `"${fnv1a(k)}"`, lastModified: new Date(version).toUTCString() }
    const cost = (body.length + k.length) * 2
    if (cost > this.maxBytes) return rep
    if (this.map.has(k)) this.bytes -= (this.map.get(k)!.body.length + k.length) * 2
    this.map.delete(k)
    this.map.set(k, rep)
    this.bytes += cost
    for (const [oldest, old] of this.map) {
      if (this.bytes <= this.maxBytes) break
      this.map.delete(oldest)
      this.bytes -= (old.body.length + oldest.length) * 2
    }
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
    if (!Number.isNaN(since) && !Number.isNaN(modified) && Math.floor(modified / 1000) <= Math.floor(since / 1000))
      return true
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
