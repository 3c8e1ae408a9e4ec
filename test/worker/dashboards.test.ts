// Issue 12 on the Worker in workerd over D1: query conventions, CORS, exports with their cursor, the OpenAPI
// document (real answers checked against it with a validator that needs no code generation), and WebSub pings
// reaching a hub on loopback after a cron poll.
import { Validator } from '@cfworker/json-schema'
import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import worker, { type Bindings } from '../../src/worker.ts'
import { checkAnswer, type Json, type SchemaCheck } from '../helpers/openapi-check.ts'
import { csvRecords } from '../helpers/csv.ts'

const hubUrl = () => `${inject('feedBase')}/hub`
const bindings = { ...(env as unknown as Bindings), POLL_QUEUE: undefined } as Bindings
const withHub = () => ({ ...bindings, ENTENTE_WEBSUB_HUB: hubUrl() }) as Bindings
const get = (path: string, init: RequestInit = {}, e: Bindings = withHub()) =>
  worker.fetch(new Request(`http://entente.test${path}`, init), e)

async function cron(e: Bindings) {
  const ctx = createExecutionContext()
  await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: '*/15 * * * *' }), e, ctx)
  await waitOnExecutionContext(ctx)
}

let pings: string[] = []
beforeAll(async () => {
  for (const table of ['signals', 'items', 'shifts', 'pairs', 'dirty_pair_days', 'sources', 'signal_log'])
    await bindings.DB.prepare(`DELETE FROM ${table}`).run()
  await bindings.DB.prepare(`DELETE FROM meta WHERE key = 'changed_at'`).run()
  await fetch(`${inject('feedBase')}/hub-pings`)
  await cron(withHub())
  pings = (await (await fetch(`${inject('feedBase')}/hub-pings`)).json()) as string[]
})

describe('WebSub on Workers', () => {
  it('pings the hub on loopback for exactly the feeds the cron poll changed, and feeds advertise it', async () => {
    const pairs = (
      (await (await get('/api/pairs?limit=500')).json()) as { pairs: { pair: string; a: string; b: string }[] }
    ).pairs
    expect(pairs.length).toBeGreaterThan(3)
    const scopes = [
      '/feeds/shifts',
      ...pairs.map((p) => `/feeds/pairs/${p.pair}`),
      ...[...new Set(pairs.flatMap((p) => [p.a, p.b]))].map((a) => `/feeds/actors/${a}`),
    ]
    const expected = scopes.flatMap((s) => ['atom', 'rss', 'json'].map((f) => `http://entente.test${s}.${f}`))
    expect([...pings].sort()).toEqual(expected.sort())
    expect(await (await get('/feeds/shifts.atom')).text()).toContain(`<link rel="hub" href="${hubUrl()}"/>`)
    expect(((await (await get('/feeds/shifts.json')).json()) as { hubs: unknown }).hubs).toEqual([
      { type: 'WebSub', url: hubUrl() },
    ])
    // A second cron changes nothing and pings nothing.
    await cron(withHub())
    expect(await (await fetch(`${inject('feedBase')}/hub-pings`)).json()).toEqual([])
  })

  it('refuses a hub without ENTENTE_BASE_URL: a cron has no origin to name the feeds by', async () => {
    const res = await get('/healthz', {}, { ...withHub(), ENTENTE_BASE_URL: '' } as Bindings)
    expect(res.status).toBe(500)
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /ENTENTE_WEBSUB_HUB needs ENTENTE_BASE_URL/,
    )
  })
})

describe('query conventions on Workers', () => {
  it('take limit, filters, dates and event types, and refuse unknown parameters', async () => {
    const limited = (await (await get('/feeds/shifts.json?limit=2')).json()) as { items: unknown[]; next_url: string }
    expect(limited.items).toHaveLength(2)
    expect(limited.next_url).toMatch(/^http:\/\/entente\.test\/feeds\/shifts\.json\?limit=2&before=/)
    const hamas = (await (await get('/feeds/shifts.json?filter=HAMAS&since=2018-01-01&until=2018-12-31')).json()) as {
      items: { title: string; _entente: { day: string } }[]
    }
    expect(hamas.items.length).toBeGreaterThan(0)
    expect(hamas.items.every((i) => i._entente.day === '2018-01-08')).toBe(true)
    const frozen = (await (await get('/feeds/shifts.json?event_type=consult&direction=frozen')).json()) as {
      items: { _entente: { direction: string } }[]
    }
    expect(frozen.items.every((i) => i._entente.direction === 'frozen')).toBe(true)
    const bad = await get('/feeds/shifts.rss?utm_source=x')
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: { parameters: string[] } }).error.parameters).toContain('event_type')
    expect((await get('/feeds/shifts.rss?filter=(a%2B)%2B%24')).status).toBe(400)
    expect((await get('/api/pairs?since=2018-02-30')).status).toBe(400)
  })

  it('answer preflights and let any origin read', async () => {
    const pre = await get('/api/shifts.csv', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://x.example',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'if-none-match',
      },
    })
    expect(pre.status).toBe(204)
    expect(pre.headers.get('access-control-allow-headers')).toBe('*')
    const feed = await get('/feeds/pairs/hamas--iran.rss', { headers: { Origin: 'https://x.example' } })
    expect(feed.headers.get('access-control-allow-origin')).toBe('*')
  })
})

describe('exports on Workers', () => {
  it('stream CSV with the filters and NDJSON signals that resume from a cursor', async () => {
    const shifts = csvRecords(await (await get('/api/shifts.csv?actor=hamas')).text())
    expect(shifts.length).toBeGreaterThan(2)
    expect(shifts.every((s) => s.a === 'hamas' || s.b === 'hamas')).toBe(true)
    expect(
      csvRecords(await (await get('/api/pairs.csv?direction=frozen')).text()).every((p) => p.direction === 'frozen'),
    ).toBe(true)
    const all = await get('/api/signals.ndjson')
    const lines = (await all.text())
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { cursor: string; id: string })
    expect(lines.length).toBeGreaterThan(5)
    expect(all.headers.get('x-entente-cursor')).toBe(lines.at(-1)!.cursor)
    const rest = (await (await get(`/api/signals.ndjson?cursor=${lines[2]!.cursor}`)).text())
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { id: string }).id)
    expect(rest).toEqual(lines.slice(3).map((l) => l.id))
    const etag = all.headers.get('etag')!
    expect((await get('/api/signals.ndjson', { headers: { 'If-None-Match': etag } })).status).toBe(304)
  })
})

describe('OpenAPI on Workers', () => {
  const check: SchemaCheck = (schema, value) =>
    new Validator(schema as never, '2020-12', false)
      .validate(value)
      .errors.filter((e) => e.keyword !== 'allOf' && e.keyword !== '$ref')
      .map((e) => `${e.instanceLocation} ${e.error}`)

  it('serves the document and the Worker’s answers conform to it', async () => {
    const doc = (await (await get('/openapi.json')).json()) as Json
    expect(doc.openapi).toBe('3.1.0')
    expect(doc.servers).toEqual([{ url: 'http://entente.test' }])
    const problems: string[] = []
    for (const [path, status] of [
      ['/feeds/shifts.json?limit=3', 200],
      ['/feeds/actors/hamas.json', 200],
      ['/api/actors', 200],
      ['/api/pairs?event_type=COOPERATE', 200],
      ['/api/pairs/hamas--iran', 200],
      ['/api/pairs/cuba--egypt', 404],
      ['/api/shifts.csv', 200],
      ['/api/pairs.csv', 200],
      ['/api/signals.ndjson?limit=5', 200],
      ['/api/pairs?x=1', 400],
      ['/api/sources', 200],
      ['/api/sources?limit=5', 400],
      ['/healthz', 200],
    ] as [string, number][]) {
      const res = await get(path)
      expect(res.status, path).toBe(status)
      problems.push(
        ...checkAnswer(doc, check, 'GET', path, res.status, res.headers.get('content-type'), await res.text()),
      )
    }
    expect(problems).toEqual([])
    // The checker is not blind: a wrong answer is caught.
    expect(
      checkAnswer(doc, check, 'GET', '/api/pairs', 200, 'application/json', '{"total":"many"}').length,
    ).toBeGreaterThan(0)
    const page = await get('/docs/api')
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('/api/signals.ndjson')
  })

  it('summarises an admin poll in snake_case', async () => {
    const res = await worker.fetch(
      new Request('http://entente.test/admin/poll', {
        method: 'POST',
        headers: { Authorization: 'Bearer worker-admin-token' },
      }),
      bindings,
    )
    const summary = (await res.json()) as Json
    expect(Object.keys(summary).sort()).toEqual([
      'finished_at',
      'languages',
      'new_items',
      'new_signals',
      'shifts_changed',
      'sources',
      'started_at',
      'unanalysed',
    ])
  })
})
