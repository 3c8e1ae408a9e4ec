// Rendered feeds shared by the isolates of a colo through the Cache API.
import type { SharedCache } from '../../http/conditional.ts'

/**
 * Keys carry the data version, so stale ones are never read, and the base URL, because a rendering's self links
 * and ids are made from it: with ENTENTE_BASE_URL unset, each origin the Worker answers on has its own renderings.
 */
export function cacheApi(base: string): SharedCache | undefined {
  if (typeof caches === 'undefined') return undefined
  // workers-types' CacheStorage has `default`; the DOM typing the rest of the project uses does not.
  const cache = (caches as unknown as { default: Cache }).default
  const url = (key: string) => `https://render-cache.entente.internal/${encodeURIComponent(base)}/${key}`
  return {
    async get(key) {
      const hit = await cache.match(url(key))
      return hit ? hit.text() : undefined
    },
    async put(key, body) {
      await cache.put(url(key), new Response(body, { headers: { 'Cache-Control': 'public, max-age=86400' } }))
    },
  }
}
