// /openapi.json validates as OpenAPI 3.1 (with its JSON Schemas), describes every JSON, CSV and feed route the app
// has, and real answers of the real Node server, errors included, conform to it; /docs/api shows the same routes.
import { Validator } from '@seriousme/openapi-schema-validator'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN_TOKEN } from '../helpers/real-server.ts'
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts'
import { checkAnswer, findOperation, type Json, type SchemaCheck } from '../helpers/openapi-check.ts'

let t: FixtureServer
let doc: Json
beforeAll(async () => {
  t = await startFixtureServer()
  doc = (await (await t.get('/openapi.json')).json()) as Json
}, 60_000)
afterAll(() => t?.close())

const ajv = new Ajv2020({ strict: false, allErrors: true })
;(addFormats as unknown as (a: Ajv2020) => void)(ajv)
const compiled = new Map<string, ReturnType<Ajv2020['compile']>>()
const check: SchemaCheck = (schema, value) => {
  const key = JSON.stringify(schema)
  let validate = compiled.get(key)
  if (!validate) compiled.set(key, (validate = ajv.compile(schema)))
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`)
}

/** Requests covering every documented operation and its main answers: [method, path, expected status, headers]. */
const REQUESTS: [string, string, number, Record<string, string>?][] = [
  ...['shifts', 'corrections', 'pairs/hamas--iran', 'actors/hamas'].flatMap((feed) =>
    ['json', 'atom', 'rss'].map((f): [string, string, number] => ['GET', `/feeds/${feed}.${f}`, 200]),
  ),
  ['GET', '/feeds/shifts.json?direction=improving&limit=3&event_type=cooperate&since=2018-01-01&filter=iran', 200],
  ['GET', '/feeds/shifts.json?utm_source=x', 400],
  ['GET', '/feeds/pairs/iran--hamas.json', 301],
  ['GET', '/feeds/pairs/hamas--atlantis.json', 404],
  ['GET', '/feeds/actors/atlantis.rss', 404],
  ['GET', '/api/actors', 200],
  ['GET', '/api/actors?x=1', 400],
  ['GET', '/api/pairs', 200],
  ['GET', '/api/pairs?actor=iran&since=2016-01-01&event_type=SANCTION,ASSAULT', 200],
  ['GET', '/api/pairs?limit=0', 400],
  ['GET', '/api/pairs/hamas--iran', 200],
  ['GET', '/api/pairs/hamas--iran?since=2018-01-01&until=2018-12-31', 200],
  ['GET', '/api/pairs/iran--hamas', 301],
  ['GET', '/api/pairs/cuba--egypt', 404],
  ['GET', '/api/shifts.csv', 200],
  ['GET', '/api/shifts.csv?actor=iran&filterout=trump', 200],
  ['GET', '/api/shifts.csv?pair=hamas--atlantis', 400],
  ['GET', '/api/pairs.csv', 200],
  ['GET', '/api/pairs.csv?direction=sideways', 400],
  ['GET', '/api/signals.ndjson', 200],
  ['GET', '/api/signals.ndjson?cursor=3&limit=5&event_type=cooperate', 200],
  ['GET', '/api/signals.ndjson?cursor=-1', 400],
  ['GET', '/api/sources', 200],
  ['GET', '/api/sources?limit=5', 400],
  ['GET', '/healthz', 200],
  ['GET', '/feeds.opml', 200],
  ['GET', '/openapi.json', 200],
  ['POST', '/admin/poll', 401],
  ['POST', '/admin/poll', 200, { Authorization: `Bearer ${ADMIN_TOKEN}` }],
  ['POST', '/admin/reanalyze', 401],
  ['POST', '/admin/reanalyze?since=someday', 400, { Authorization: `Bearer ${ADMIN_TOKEN}` }],
  ['POST', '/admin/reanalyze', 200, { Authorization: `Bearer ${ADMIN_TOKEN}` }],
]

describe('/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator()
    const result = await validator.validate(structuredClone(doc))
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    expect(validator.version).toBe('3.1')
    expect(doc.servers).toEqual([{ url: `http://localhost:${new URL(t.base).port}` }])
    // Every schema in it compiles as JSON Schema 2020-12.
    for (const [name, schema] of Object.entries((doc.components as { schemas: Json }).schemas))
      expect(() => ajv.compile({ components: doc.components, ...(schema as Json) }), name).not.toThrow()
  })

  it('describes every route of the app except the HTML pages', () => {
    const pages = new Set([
      '/',
      '/pairs/:pair',
      '/actors/:id',
      '/corrections',
      '/docs/json-feed-extension',
      '/docs/api',
    ])
    const sample: Record<string, string> = { file: 'shifts.json', pair: 'hamas--iran', id: 'hamas' }
    // Not the 405 answers cors.ts adds for the methods a route lacks.
    const routes = t.app.routes.filter(
      (r) =>
        (r.method === 'GET' || r.method === 'POST') &&
        r.handler.name !== 'methodNotAllowed' &&
        !pages.has(r.path) &&
        !r.path.includes('*'),
    )
    expect(routes.length).toBeGreaterThan(8)
    for (const r of routes) {
      const path = r.path.replace(/:(\w+)/g, (_, name: string) => sample[name] ?? name)
      expect(findOperation(doc, r.method, path), `${r.method} ${r.path}`).toBeDefined()
    }
  })

  it('matches the real answers of every operation, errors included', async () => {
    const problems: string[] = []
    const answered = new Set<string>()
    for (const [method, path, status, headers] of REQUESTS) {
      const res = await t.get(path, { method, redirect: 'manual', headers: headers ?? {} })
      expect(res.status, `${method} ${path}`).toBe(status)
      problems.push(
        ...checkAnswer(doc, check, method, path, res.status, res.headers.get('content-type'), await res.text()),
      )
      answered.add(`${method} ${findOperation(doc, method, new URL(path, 'http://x').pathname)?.template}`)
      if (status === 200 && method === 'GET') {
        const again = await t.get(path, { headers: { 'If-None-Match': res.headers.get('etag') ?? '' } })
        if (path !== '/healthz') expect(again.status, `304 for ${path}`).toBe(304)
      }
    }
    expect(problems).toEqual([])
    const documented = Object.entries(doc.paths as Record<string, Json>).flatMap(([p, item]) =>
      Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`),
    )
    expect(documented.filter((d) => !answered.has(d))).toEqual([])
  })

  it('catches an answer that strays from it', () => {
    const errors = checkAnswer(
      doc,
      check,
      'GET',
      '/api/pairs',
      200,
      'application/json',
      JSON.stringify({ total: 1, limit: 100, offset: 0, pairs: [{ pair: 'a--b', direction: 'sideways' }] }),
    )
    expect(errors.join('\n')).toMatch(/must have required property 'a_name'/)
    expect(errors.join('\n')).toMatch(/must be equal to one of the allowed values/)
    expect(checkAnswer(doc, check, 'GET', '/api/shifts.csv', 200, 'text/csv', 'id,pair\r\nx,y\r\n').join('\n')).toMatch(
      /CSV header/,
    )
  })
})

describe('/docs/api', () => {
  it('shows every route with its parameters and answers, as a page', async () => {
    const res = await t.get('/docs/api')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    const page = await res.text()
    for (const path of Object.keys(doc.paths as Json)) expect(page).toContain(path)
    expect(page).toContain('<code>event_type</code>')
    expect(page).toContain('<code>top_quote</code>')
    expect(page).toContain('href="/openapi.json"')
  })
})
