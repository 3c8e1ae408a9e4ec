import { gunzipSync, brotliDecompressSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { withCompression } from '../../src/runtime/node/index.ts'

const body = '<feed>' + 'x'.repeat(5000) + '</feed>'
const app = (req: Request) =>
  req.headers.get('if-none-match') === '"abc"'
    ? new Response(null, { status: 304, headers: { ETag: '"abc"' } })
    : new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8', ETag: '"abc"' } })
const handler = withCompression(app)
const req = (headers: Record<string, string>, method = 'GET') => new Request('http://x/feeds/shifts.atom', { headers, method })

describe('withCompression', () => {
  it('prefers brotli, then gzip, and marks each encoding with its own ETag and Vary', async () => {
    const br = await handler(req({ 'Accept-Encoding': 'gzip, deflate, br' }))
    expect(br.headers.get('content-encoding')).toBe('br')
    expect(br.headers.get('etag')).toBe('"abc-br"')
    expect(br.headers.get('vary')).toBe('Accept-Encoding')
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(body)
    const gz = await handler(req({ 'Accept-Encoding': 'gzip' }))
    expect(gz.headers.get('etag')).toBe('"abc-gz"')
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(body)
    const plain = await handler(req({}))
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(await plain.text()).toBe(body)
  })
  it('answers 304 to the compressed ETag it handed out', async () => {
    const res = await handler(req({ 'Accept-Encoding': 'br', 'If-None-Match': '"abc-br"' }))
    expect(res.status).toBe(304)
    expect(res.headers.get('etag')).toBe('"abc-br"')
  })
  it('answers HEAD with the compressed headers and no body', async () => {
    const res = await handler(req({ 'Accept-Encoding': 'gzip' }, 'HEAD'))
    expect(res.headers.get('content-encoding')).toBe('gzip')
    expect((await res.arrayBuffer()).byteLength).toBe(0)
  })
})
