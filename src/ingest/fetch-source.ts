// HTTP for one source through the standard fetch API (Node and Workers alike): conditional GET, manual
// redirects so they can be counted and each hop checked, one deadline for headers and body, and a byte cap
// enforced while streaming. Only http(s) URLs are fetched; the fetch handed in applies the address policy.
import { FetchRefused } from './url-policy.ts'

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>

export interface FetchLimits {
  timeoutMs: number
  maxBytes: number
  maxRedirects: number
  userAgent: string
}

export const DEFAULT_LIMITS: FetchLimits = {
  timeoutMs: 20_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  userAgent: 'Entente/0.1 (+https://github.com/entente-feed/entente; geopolitical alignment feed)',
}

export interface Validators {
  etag?: string | null
  lastModified?: string | null
}

export type FetchOutcome =
  | {
      kind: 'ok'
      status: number
      url: string
      bytes: Uint8Array
      contentType: string | null
      etag: string | null
      lastModified: string | null
    }
  | { kind: 'not-modified'; status: 304; url: string }
  | { kind: 'error'; status: number | null; url: string; message: string; retryAfterSeconds?: number }

export function parseRetryAfter(value: string | null, now: Date): number | undefined {
  if (!value) return undefined
  if (/^\s*\d+\s*$/.test(value)) return Math.min(Number(value), 86_400)
  const at = Date.parse(value)
  if (Number.isNaN(at)) return undefined
  return Math.max(0, Math.min(86_400, Math.round((at - now.getTime()) / 1000)))
}

async function readCapped(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array | null> {
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel().catch(() => {})
      return null
    }
    chunks.push(value)
  }
  const out = new Uint8Array(total)
  let off = 0
  for (const c of chunks) {
    out.set(c, off)
    off += c.byteLength
  }
  return out
}

export async function fetchSource(
  fetchFn: FetchLike,
  url: string,
  validators: Validators = {},
  limits: FetchLimits = DEFAULT_LIMITS,
  now: () => Date = () => new Date(),
): Promise<FetchOutcome> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs)
  let current = url
  let previous: string | null = null
  try {
    for (let hop = 0; ; hop++) {
      const protocol = new URL(current).protocol
      if (protocol !== 'http:' && protocol !== 'https:')
        throw new FetchRefused(`refused ${current.slice(0, 200)}: only http(s) URLs are fetched`)
      const headers: Record<string, string> = {
        'User-Agent': limits.userAgent,
        Accept:
          'application/atom+xml, application/rss+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5',
      }
      if (validators.etag) headers['If-None-Match'] = validators.etag
      if (validators.lastModified) headers['If-Modified-Since'] = validators.lastModified
      const res = await fetchFn(current, { headers, redirect: 'manual', signal: controller.signal })

      if (res.status >= 300 && res.status < 400 && res.status !== 304) {
        const location = res.headers.get('location')
        await res.body?.cancel().catch(() => {})
        if (!location)
          return {
            kind: 'error',
            status: res.status,
            url: current,
            message: `HTTP ${res.status} redirect without a Location header`,
          }
        if (hop >= limits.maxRedirects)
          return {
            kind: 'error',
            status: res.status,
            url: current,
            message: `more than ${limits.maxRedirects} redirects`,
          }
        previous = current
        current = new URL(location, current).toString()
        continue
      }
      if (res.status === 304) {
        await res.body?.cancel().catch(() => {})
        return { kind: 'not-modified', status: 304, url: current }
      }
      if (!res.ok) {
        await res.body?.cancel().catch(() => {})
        const retryAfterSeconds = parseRetryAfter(res.headers.get('retry-after'), now())
        return {
          kind: 'error',
          status: res.status,
          url: current,
          message: `HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''}`,
          ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
        }
      }
      const declaredLength = Number(res.headers.get('content-length') ?? NaN)
      if (Number.isFinite(declaredLength) && declaredLength > limits.maxBytes) {
        await res.body?.cancel().catch(() => {})
        return {
          kind: 'error',
          status: res.status,
          url: current,
          message: `body of ${declaredLength} bytes exceeds the ${limits.maxBytes}-byte cap`,
        }
      }
      const bytes = res.body ? await readCapped(res.body, limits.maxBytes) : new Uint8Array(0)
      if (!bytes)
        return {
          kind: 'error',
          status: res.status,
          url: current,
          message: `body exceeds the ${limits.maxBytes}-byte cap`,
        }
      return {
        kind: 'ok',
        status: res.status,
        url: current,
        bytes,
        contentType: res.headers.get('content-type'),
        etag: res.headers.get('etag'),
        lastModified: res.headers.get('last-modified'),
      }
    }
  } catch (err) {
    const message = controller.signal.aborted
      ? `timed out after ${limits.timeoutMs} ms`
      : err instanceof FetchRefused || (err instanceof Error && err.name === 'FetchRefused')
        ? `${previous ? `redirect from ${previous.slice(0, 200)}: ` : ''}${err.message}`
        : `fetch failed: ${describeError(err)}`
    return { kind: 'error', status: null, url: current, message }
  } finally {
    clearTimeout(timer)
  }
}

function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err)
  const cause = (err as Error & { cause?: unknown }).cause
  const detail =
    cause instanceof Error
      ? cause.message
      : typeof cause === 'object' && cause && 'code' in cause
        ? String((cause as { code: unknown }).code)
        : ''
  // undici says only "fetch failed"; the cause says why (DNS, refused, reset).
  if (detail && err.message === 'fetch failed') return detail
  return detail && !err.message.includes(detail) ? `${err.message} (${detail})` : err.message
}
