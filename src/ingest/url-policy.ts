// Which URLs the poller may fetch: http(s) only, and only hosts whose address is public, unless the operator
// names the host in ENTENTE_ALLOW_HOSTS. A publisher's redirect must not turn the poller against the machine
// it runs on, its private network or a cloud metadata service (169.254.169.254). Pure: address literals and
// names are judged here; resolving names is the runtime's part (src/runtime/*/guarded-fetch.ts).

export interface AllowedHost {
  /** lower-case host name or address, IPv6 without brackets */
  host: string
  /** null: any port */
  port: number | null
}

/** Thrown (or reported) for a URL the policy refuses; its message names the URL and the reason. */
export class FetchRefused extends Error {
  override name = 'FetchRefused'
}

/** Parses `host`, `host:port`, `[v6]` and `[v6]:port` entries, comma-separated. */
export function parseAllowHosts(value: string | undefined): AllowedHost[] {
  const out: AllowedHost[] = []
  for (const raw of (value ?? '').split(',')) {
    const entry = raw.trim().toLowerCase()
    if (!entry) continue
    const m = /^(?:\[([0-9a-f:.]+)\]|([a-z0-9.-]+|\d{1,3}(?:\.\d{1,3}){3}))(?::(\d{1,5}))?$/.exec(entry)
    const port = m?.[3] === undefined ? null : Number(m[3])
    if (!m || (port !== null && (port < 1 || port > 65535)))
      throw new Error(`"${raw.trim().slice(0, 100)}" is not a host or host:port`)
    out.push({ host: normaliseHost(m[1] ?? m[2]!), port })
  }
  return out
}

function normaliseHost(host: string): string {
  return host
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase()
}

const defaultPort = (url: URL) => (url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80)

export function isAllowedHost(url: URL, allow: AllowedHost[]): boolean {
  const host = normaliseHost(url.hostname)
  return allow.some((a) => a.host === host && (a.port === null || a.port === defaultPort(url)))
}

function ipv4(s: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s)
  if (!m) return null
  const parts = m.slice(1).map(Number)
  return parts.every((p) => p <= 255) ? parts : null
}

function ipv6(s: string): number[] | null {
  let text = s
  // A dotted IPv4 tail (::ffff:127.0.0.1) stands for the last two groups.
  const v4 = /(?:^|:)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text)
  if (v4) {
    const b = ipv4(v4[1]!)
    if (!b) return null
    text =
      text.slice(0, text.length - v4[1]!.length) +
      `${((b[0]! << 8) | b[1]!).toString(16)}:${((b[2]! << 8) | b[3]!).toString(16)}`
  }
  const halves = text.split('::')
  if (halves.length > 2 || !text.includes(':')) return null
  const groups = (h: string) => (h ? h.split(':') : [])
  const head = groups(halves[0]!)
  const rest = halves.length === 2 ? groups(halves[1]!) : []
  const fill = 8 - head.length - rest.length
  if (halves.length === 1 ? fill !== 0 : fill < 1) return null
  const all = [...head, ...Array<string>(halves.length === 2 ? fill : 0).fill('0'), ...rest]
  return all.every((w) => /^[0-9a-f]{1,4}$/i.test(w)) ? all.map((w) => parseInt(w, 16)) : null
}

function v4Refusal([a, b, c]: number[]): string | null {
  if (a === 0) return 'an unspecified ("this network") address'
  if (a === 127) return 'a loopback address'
  if (a === 10 || (a === 172 && b! >= 16 && b! <= 31) || (a === 192 && b === 168)) return 'a private address'
  if (a === 169 && b === 254) return 'a link-local address (cloud metadata lives there)'
  if (a === 100 && b! >= 64 && b! <= 127) return 'a shared (carrier-grade NAT) address'
  if (a === 192 && b === 0 && (c === 0 || c === 2)) return 'a reserved address'
  if (
    (a === 198 && (b === 18 || b === 19)) ||
    (a === 198 && b === 51 && c === 100) ||
    (a === 203 && b === 0 && c === 113)
  )
    return 'a reserved address'
  if (a === 192 && b === 88 && c === 99) return 'a reserved address'
  if (a! >= 224) return a! < 240 ? 'a multicast address' : 'a reserved address'
  return null
}

/** Why an address literal may not be fetched, or null when it is public. Not an address: null. */
export function addressRefusal(address: string): string | null {
  const host = normaliseHost(address)
  const four = ipv4(host)
  if (four) return v4Refusal(four)
  const six = ipv6(host.replace(/%.*$/, ''))
  if (!six) return null
  const [w0, w1, w2, , , w5, w6, w7] = six as [number, number, number, number, number, number, number, number]
  const embedded = (hi: number, lo: number) => v4Refusal([hi >> 8, hi & 255, lo >> 8, lo & 255])
  if (six.slice(0, 7).every((w) => w === 0))
    return w7 === 1 ? 'a loopback address' : w7 === 0 ? 'an unspecified address' : 'a reserved address'
  const zeros = (from: number, to: number) => six.slice(from, to).every((w) => w === 0)
  if (zeros(0, 5) && w5 === 0xffff) return embedded(w6, w7)
  if (w0 === 0x64 && w1 === 0xff9b && zeros(2, 6)) return embedded(w6, w7)
  if (w0 === 0x2002) return embedded(w1, w2)
  if ((w0 & 0xfe00) === 0xfc00 || (w0 & 0xffc0) === 0xfec0) return 'a private address'
  if ((w0 & 0xffc0) === 0xfe80) return 'a link-local address'
  if ((w0 & 0xff00) === 0xff00) return 'a multicast address'
  if (w0 === 0x2001 && (w1 === 0xdb8 || w1 < 0x200)) return 'a reserved address'
  if ((w0 & 0xe000) !== 0x2000) return 'a reserved address'
  return null
}

const LOCAL_NAMES = /(^|\.)(localhost|local|internal|intranet|lan|home\.arpa|localdomain)$/

/**
 * Refuses what can be judged from the URL alone: schemes, address literals and names that are local by
 * definition. A public-looking name passes; the runtime must still check what it resolves to.
 */
export function checkUrl(url: URL, allow: AllowedHost[]): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new FetchRefused(`refused ${url.href.slice(0, 200)}: only http(s) URLs are fetched`)
  if (isAllowedHost(url, allow)) return
  const host = normaliseHost(url.hostname)
  const why =
    addressRefusal(host) ??
    (!ipv4(host) && !ipv6(host) && (LOCAL_NAMES.test(host) || !host.includes('.')) ? 'a local name' : null)
  if (why)
    throw new FetchRefused(
      `refused ${url.href.slice(0, 200)}: ${host} is ${why} (name it in ENTENTE_ALLOW_HOSTS to poll it)`,
    )
}
