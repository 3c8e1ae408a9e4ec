// Cross-origin reads of the real Node server: a preflight on every GET route, CORS on feeds, exports and errors,
// 405 with Allow for other methods; and Accept-Encoding q-values, including the forms issue 13 left open.
import { gunzipSync } from 'node:zlib'
import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chooseEncoding } from '../../src/runtime/node/with-compression.ts'
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts'

let t: FixtureServer
beforeAll(async () => {
  t = await startFixtureServer()
}, 60_000)
afterAll(() => t?.close())

const GET_ROUTES = [
  '/feeds/shifts.atom',
  '/feeds/shifts.rss',
  '/feeds/shifts.json',
  '/feeds/pairs/hamas--iran.json',
  '/feeds/actors/iran.atom',
  '/feeds.opml',
  '/api/actors',
  '/api/pairs',
  '/api/pairs/hamas--iran',
  '/api/shifts.csv',
  '/api/pairs.csv',
  '/api/signals.ndjson',
  '/openapi.json',
  '/healthz',
  '/',
  '/pairs/hamas--iran',
  '/actors/iran',
  '/docs/api',
  '/docs/json-feed-extension',
]
const ORIGIN = 'https://dashboard.example'

describe('CORS', () => {
  it('answers a preflight on every GET route, allowing conditional headers from any origin', async () => {
    for (const path of GET_ROUTES) {
      const res = await t.get(path, {
        method: 'OPTIONS',
        headers: {
          Origin: ORIGIN,
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': 'if-none-match, if-modified-since',
        },
      })
      expect(res.status, path).toBe(204)
      expect(res.headers.get('access-control-allow-origin'), path).toBe('*')
      expect(res.headers.get('access-control-allow-methods'), path).toBe('GET, HEAD, OPTIONS')
      expect(res.headers.get('access-control-allow-headers'), path).toBe('*')
      expect(res.headers.get('access-control-max-age'), path).toBe('86400')
      expect(res.headers.get('allow'), path).toBe('GET, HEAD, OPTIONS')
      expect(await res.text()).toBe('')
    }
    expect((await t.get('/nowhere', { method: 'OPTIONS', headers: { Origin: ORIGIN } })).status).toBe(404)
    // The admin route is not for browsers of other origins.
    const admin = await t.get('/admin/poll', {
      method: 'OPTIONS',
      headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'POST' },
    })
    expect(admin.headers.get('allow')).toBe('POST, OPTIONS')
    expect(admin.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('lets any origin read feeds in every format, exports, errors and their validators', async () => {
    for (const path of [...GET_ROUTES, '/feeds/shifts.json?utm=1', '/api/pairs/cuba--egypt']) {
      const res = await t.get(path, { headers: { Origin: ORIGIN } })
      expect(res.headers.get('access-control-allow-origin'), path).toBe('*')
      expect(res.headers.get('access-control-expose-headers'), path).toBe(
        'ETag, Last-Modified, Link, Content-Disposition, X-Entente-Cursor',
      )
      await res.arrayBuffer()
    }
  })

  it('answers other methods on a GET route with 405 and Allow', async () => {
    const res = await t.get('/feeds/shifts.atom', { method: 'DELETE' })
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toBe('GET, HEAD, OPTIONS')
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
      'DELETE is not allowed here: use GET, HEAD, OPTIONS',
    )
    expect((await t.get('/admin/poll')).status).toBe(405)
  })
})

describe('Accept-Encoding', () => {
  const encodingOf = (path: string, accept: string) =>
    new Promise<{ encoding: string | undefined; body: Buffer }>((ok, fail) => {
      httpRequest(t.base + path, { headers: { 'Accept-Encoding': accept } }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => ok({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }))
      })
        .on('error', fail)
        .end()
    })

  it('never sends a coding refused with q=0, however the refusal is spelled', async () => {
    for (const [accept, expected] of [
      ['br;q=0, gzip', 'gzip'],
      ['br ; q=0 , gzip', 'gzip'],
      ['BR;Q=0, GZIP;Q=0.5', 'gzip'],
      ['br;q=0.000, gzip;q=0.001', 'gzip'],
      ['*;q=0, gzip;q=0.2', 'gzip'],
      ['gzip;q=0, br;q=0', undefined],
      ['*;q=0', undefined],
      ['br;q=0.0001, gzip', 'gzip'],
      ['br;q=2, gzip', 'gzip'],
      ['br;q=banana', undefined],
      ['gzip;q=0.5, br;q=0.4', 'gzip'],
      ['gzip, br', 'br'],
      ['identity', undefined],
    ] as [string, string | undefined][]) {
      const { encoding, body } = await encodingOf('/feeds/shifts.atom', accept)
      expect(encoding, accept).toBe(expected)
      const text = encoding === 'gzip' ? gunzipSync(body).toString() : encoding === 'br' ? '' : body.toString()
      if (encoding !== 'br') expect(text, accept).toContain('<feed')
    }
  })

  it('reads each member on its own', () => {
    expect(chooseEncoding('gzip;level=1;q=0')).toBeNull()
    expect(chooseEncoding('x-gzip')).toBe('gzip')
    expect(chooseEncoding('')).toBeNull()
    expect(chooseEncoding(null)).toBeNull()
    expect(chooseEncoding('*')).toBe('br')
  })
})
