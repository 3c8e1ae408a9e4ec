// Compression and conditional GET as clients meet them: the real app over a real SQLite poll, served by
// @hono/node-server with withCompression on 127.0.0.1, read with raw HTTP so the coded bytes are seen as sent.
import { request } from 'node:http'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { populatedApp } from '../http/populated-app.ts'

let t: Awaited<ReturnType<typeof populatedApp>>
beforeAll(async () => {
  t = await populatedApp()
})
afterAll(() => t.close())

/** One raw exchange: status, headers and the body bytes exactly as they came over the wire. */
function raw(path: string, headers: Record<string, string>, method = 'GET') {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (ok, fail) => {
      const req = request(`${t.origin}${path}`, { method, headers }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => ok({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }))
      })
      req.on('error', fail)
      req.end()
    },
  )
}

describe('the Node server compresses', () => {
  it('with brotli, then gzip, by the q-values, each encoding with its own ETag and Vary', async () => {
    const plain = await raw('/feeds/shifts.atom', {})
    expect(plain.headers['content-encoding']).toBeUndefined()
    const etag = plain.headers.etag as string
    expect(etag).toMatch(/^"[0-9a-f]{16}"$/)
    const br = await raw('/feeds/shifts.atom', { 'Accept-Encoding': 'gzip, deflate, br' })
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers.etag).toBe(etag.replace(/"$/, '-br"'))
    expect(br.headers.vary).toMatch(/Accept-Encoding/)
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true)
    const gz = await raw('/feeds/shifts.atom', { 'Accept-Encoding': 'gzip;q=1, br;q=0.5' })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gz.headers.etag).toBe(etag.replace(/"$/, '-gz"'))
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true)
    expect(
      (await raw('/feeds/shifts.atom', { 'Accept-Encoding': 'br;q=0' })).headers['content-encoding'],
    ).toBeUndefined()
  })

  it('answers 304 to the ETag of the encoding it handed out', async () => {
    const br = await raw('/feeds/shifts.json', { 'Accept-Encoding': 'br' })
    const again = await raw('/feeds/shifts.json', {
      'Accept-Encoding': 'br',
      'If-None-Match': br.headers.etag as string,
    })
    expect(again.status).toBe(304)
    expect(again.headers.etag).toBe(br.headers.etag)
    expect(again.body.length).toBe(0)
  })

  it('answers HEAD with the compressed headers and length of GET, and no body', async () => {
    const get = await raw('/feeds/shifts.rss', { 'Accept-Encoding': 'gzip' })
    const head = await raw('/feeds/shifts.rss', { 'Accept-Encoding': 'gzip' }, 'HEAD')
    expect(head.headers['content-encoding']).toBe('gzip')
    expect(head.headers.etag).toBe(get.headers.etag)
    expect(Number(head.headers['content-length'])).toBe(get.body.length)
    expect(head.body.length).toBe(0)
  })
})
