// gzip and brotli for Node (Workers compress at the edge). Each encoding is its own representation with its own
// ETag suffix, so a cache never mixes them; compressed bodies are kept per ETag (bounded in bytes) so repeated
// requests for an unchanged feed cost no compression. HEAD is answered as GET would be, without the body: same
// encoding, same ETag, and the Content-Length of the body GET sends.
import { Readable, pipeline } from 'node:stream'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import { brotliCompressSync, constants as zlib, createBrotliCompress, createGzip, gzipSync } from 'node:zlib'

const COMPRESSIBLE = /^(text\/|application\/(atom\+xml|rss\+xml|feed\+json|json|xml)|image\/svg)/
/** Exports of any size: compressed as they stream, never read whole (nor for HEAD). */
const STREAMED = /^(text\/csv|application\/x-ndjson)/

function compressStream(body: ReadableStream<Uint8Array>, encoding: 'br' | 'gzip'): ReadableStream<Uint8Array> {
  const z =
    encoding === 'br' ? createBrotliCompress({ params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } }) : createGzip({ level: 6 })
  // pipeline carries an error of the source (a failed read) into the output and a cancelled output (a client gone)
  // back to the source, which then stops reading the database.
  pipeline(Readable.fromWeb(body as unknown as NodeReadableStream<Uint8Array>), z, () => {})
  return Readable.toWeb(z) as unknown as ReadableStream<Uint8Array>
}

/**
 * The coding to answer with under RFC 9110 §12.5.3: a q of 0 refuses one, `*` stands for codings not named, the
 * highest q wins (brotli on a tie). Members are read leniently about spaces (`gzip ; q=0`) and strictly about
 * values: a q that is not a qvalue (`q=2`, `q=0.0001`, `q=x`) makes its member count as not sent, so a garbled
 * refusal never turns into a preference.
 */
export function chooseEncoding(header: string | null): 'br' | 'gzip' | null {
  const q = new Map<string, number>()
  for (const part of (header ?? '').split(',').slice(0, 50)) {
    const [rawName, ...params] = part.split(';')
    const name = rawName!.trim().toLowerCase()
    if (!name) continue
    let weight = 1
    let valid = true
    for (const p of params) {
      const [k, v] = p.split('=').map((x) => x.trim().toLowerCase())
      if (k !== 'q') continue
      if (v === undefined || !/^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/.test(v)) valid = false
      else weight = Number(v)
    }
    if (valid) q.set(name === 'x-gzip' ? 'gzip' : name, weight)
  }
  const weight = (coding: string) => q.get(coding) ?? q.get('*') ?? 0
  const br = weight('br')
  const gzip = weight('gzip')
  if (br > 0 && br >= gzip) return 'br'
  if (gzip > 0) return 'gzip'
  return null
}

export function withCompression(handler: (req: Request) => Response | Promise<Response>, maxBytes = 16 * 1024 * 1024) {
  const memo = new Map<string, Uint8Array>()
  let held = 0
  const remember = (key: string, body: Uint8Array) => {
    if (body.byteLength > maxBytes) return
    memo.set(key, body)
    held += body.byteLength
    for (const [oldest, old] of memo) {
      if (held <= maxBytes) break
      memo.delete(oldest)
      held -= old.byteLength
    }
  }
  return async (req: Request): Promise<Response> => {
    const head = req.method === 'HEAD'
    const encoding = chooseEncoding(req.headers.get('accept-encoding'))
    const inm = req.headers.get('if-none-match')
    const askedSuffix = inm ? /-(br|gz)"/.exec(inm)?.[1] : undefined
    if (inm || head) {
      const headers = new Headers(req.headers)
      if (inm) headers.set('if-none-match', inm.replace(/-(br|gz)"/g, '"'))
      req = head ? new Request(req.url, { method: 'GET', headers }) : new Request(req, { headers })
    }
    const res = await handler(req)
    const etag = res.headers.get('etag')
    if (res.status === 304) {
      // Confirm the representation the client holds, with the ETag it was given.
      if (etag && askedSuffix) res.headers.set('etag', etag.replace(/"$/, `-${askedSuffix}"`))
      return res
    }
    const type = res.headers.get('content-type') ?? ''
    const suffix = encoding === 'br' ? '-br' : '-gz'
    if (STREAMED.test(type) && res.body) {
      const headers = new Headers(res.headers)
      const compress = encoding && res.status === 200 && !res.headers.has('content-encoding')
      if (compress) {
        headers.set('content-encoding', encoding)
        headers.set('vary', 'Accept-Encoding')
        headers.delete('content-length')
        if (etag) headers.set('etag', etag.replace(/"$/, `${suffix}"`))
      }
      if (head) {
        await res.body.cancel().catch(() => {})
        return new Response(null, { status: res.status, statusText: res.statusText, headers })
      }
      return new Response(compress ? compressStream(res.body, encoding) : res.body, {
        status: res.status,
        statusText: res.statusText,
        headers,
      })
    }
    const bodyless = (body: Uint8Array, headers: Headers) => {
      headers.set('content-length', String(body.byteLength))
      return new Response(head ? null : (body as unknown as ArrayBuffer), {
        status: res.status,
        statusText: res.statusText,
        headers,
      })
    }
    if (
      !encoding ||
      !COMPRESSIBLE.test(type) ||
      res.headers.has('content-encoding') ||
      res.status !== 200 ||
      !res.body
    ) {
      if (!head || !res.body) return res
      return bodyless(new Uint8Array(await res.arrayBuffer()), new Headers(res.headers))
    }
    const key = etag ? `${etag}${suffix}` : null
    let body = key ? memo.get(key) : undefined
    if (body) {
      // Already compressed for this representation: skip reading and encoding the body again.
      await res.body.cancel().catch(() => {})
      memo.delete(key!)
      memo.set(key!, body)
    } else {
      const raw = new Uint8Array(await res.arrayBuffer())
      if (raw.byteLength < 1024) return bodyless(raw, new Headers(res.headers))
      body =
        encoding === 'br'
          ? brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } })
          : gzipSync(raw, { level: 6 })
      if (key) remember(key, body)
    }
    const headers = new Headers(res.headers)
    headers.set('content-encoding', encoding)
    headers.set('vary', 'Accept-Encoding')
    if (etag) headers.set('etag', etag.replace(/"$/, `${suffix}"`))
    return bodyless(body, headers)
  }
}
