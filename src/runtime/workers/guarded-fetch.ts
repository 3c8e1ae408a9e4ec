// The poller's fetch on Workers: the same URL policy as on Node before every request and every redirect hop
// (fetchSource follows them one at a time through here). A Worker cannot resolve names itself; its requests
// leave from Cloudflare's network, which has no route into the operator's private network, so address
// literals and local names are what must be refused here.
import type { FetchLike } from '../../ingest/fetch-source.ts'
import { checkUrl, type AllowedHost } from '../../ingest/url-policy.ts'

export function guardedFetch(allow: AllowedHost[], base: FetchLike = (input, init) => fetch(input, init)): FetchLike {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    checkUrl(url, allow)
    return base(url.toString(), { ...init, redirect: 'manual' })
  }
}
