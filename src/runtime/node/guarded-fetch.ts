// The poller's fetch on Node: the URL policy (http(s), no private address literals or local names) before each
// request, and the resolved address checked at connect time by the socket's own `lookup`, so the address
// judged is the address connected to: a name that answers a public address to a first query and 127.0.0.1 to
// the next (DNS rebinding) has no gap to slip through. Redirects are never followed here: fetchSource follows
// them one hop at a time, each through this function.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns'
import { Agent, fetch as undiciFetch } from 'undici'
import type { FetchLike } from '../../ingest/fetch-source.ts'
import { addressRefusal, checkUrl, FetchRefused, isAllowedHost, type AllowedHost } from '../../ingest/url-policy.ts'

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void
export type LookupFn = (
  hostname: string,
  options: LookupOptions & { all: true },
  callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void

const defaultLookup: LookupFn = (hostname, options, callback) => dnsLookup(hostname, options, callback)

/** A socket `lookup` that refuses names resolving to any non-public address (all of them are checked). */
export function publicOnlyLookup(resolve: LookupFn = defaultLookup) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, [])
      const refused = addresses.map((a) => ({ a, why: addressRefusal(a.address) })).find((r) => r.why)
      if (refused)
        return callback(
          Object.assign(
            new FetchRefused(
              `refused ${hostname}: it resolves to ${refused.a.address}, ${refused.why} (name it in ENTENTE_ALLOW_HOSTS to poll it)`,
            ),
            { code: 'EREFUSED_ADDRESS' },
          ),
          [],
        )
      if (!addresses.length)
        return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), [])
      if (options.all) callback(null, addresses)
      else callback(null, addresses[0]!.address, addresses[0]!.family)
    })
  }
}

export function guardedFetch(allow: AllowedHost[], options: { lookup?: LookupFn } = {}): FetchLike {
  const checked = new Agent({ connect: { lookup: publicOnlyLookup(options.lookup) } })
  const trusted = new Agent()
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    checkUrl(url, allow)
    const dispatcher = isAllowedHost(url, allow) ? trusted : checked
    try {
      const res = await undiciFetch(url, {
        ...(init as Parameters<typeof undiciFetch>[1]),
        redirect: 'manual',
        dispatcher,
      })
      return res as unknown as Response
    } catch (err) {
      // undici says "fetch failed"; the refusal is the cause and the message worth reporting.
      const cause = (err as { cause?: unknown }).cause
      if (cause instanceof FetchRefused) throw cause
      throw err
    }
  }
}
