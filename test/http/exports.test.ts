// The exports over real HTTP on Node and from the CLI: RFC 4180 CSV with the feeds' filters, formula injection
// neutralised, streamed (chunked, compressed as it goes), 304s; NDJSON signals pulled incrementally with a cursor
// that misses nothing even when the newest signals are deleted and stored again.
import { spawn } from 'node:child_process'
import { request as httpRequest } from 'node:http'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SHIFT_COLUMNS, PAIR_COLUMNS } from '../../src/publish/export-columns.ts'
import { csvCell } from '../../src/publish/csv.ts'
import { csvRecords, parseCsv } from '../helpers/csv.ts'
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts'
import { egyptIsraelShift } from '../helpers/shift-row.ts'

const BIN = new URL('../../bin/entente.mjs', import.meta.url).pathname
let t: FixtureServer
let dir: string
beforeAll(async () => {
  t = await startFixtureServer()
  dir = mkdtempSync(join(tmpdir(), 'entente-export-'))
}, 60_000)
afterAll(async () => {
  await t?.close()
  rmSync(dir, { recursive: true, force: true })
})

const csv = async (path: string) => {
  const res = await t.get(path)
  expect(res.status, path).toBe(200)
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present')
  return res.text()
}
type Line = {
  cursor: string
  id: string
  deleted?: true
  pair: string
  day: string
  event_type: string | null
  sentence: string
}
const ndjson = async (path: string) => {
  const res = await t.get(path)
  expect(res.status, path).toBe(200)
  expect(res.headers.get('content-type')).toBe('application/x-ndjson')
  const body = await res.text()
  if (body) expect(body.endsWith('\n')).toBe(true)
  return {
    lines: body
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Line),
    head: res.headers.get('x-entente-cursor')!,
  }
}
const raw = (path: string, headers: Record<string, string>) =>
  new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((ok, fail) => {
    httpRequest(t.base + path, { headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => ok({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }))
    })
      .on('error', fail)
      .end()
  })

describe('/api/shifts.csv and /api/pairs.csv', () => {
  it('are RFC 4180 with a header row, one row per shift, and the feeds’ filters', async () => {
    const body = await csv('/api/shifts.csv')
    const [header] = parseCsv(body)
    expect(header).toEqual(SHIFT_COLUMNS.map((c) => c.name))
    const rows = csvRecords(body)
    const feed = (await (await t.get('/feeds/shifts.json?limit=500')).json()) as { items: { id: string }[] }
    expect(rows.map((r) => r.id)).toEqual(feed.items.map((i) => i.id))
    const hamasIran = rows.find((r) => r.pair === 'hamas--iran')!
    expect(hamasIran).toMatchObject({
      a: 'hamas',
      a_name: 'Hamas',
      b: 'iran',
      b_name: 'Iran',
      day: '2018-01-08',
      direction: 'improving',
    })
    expect(Number(hamasIran.score)).toBeGreaterThan(0)
    expect(hamasIran.event_types!.split(';')).toContain('COOPERATE')
    expect(hamasIran.top_quote!.length).toBeGreaterThan(20)
    // the same filters as the feeds, one combination per ETag
    const sanction = csvRecords(await csv('/api/shifts.csv?event_type=sanction'))
    expect(sanction.map((r) => r.pair)).toEqual(['iran--saudi-arabia'])
    const tehran = csvRecords(await csv('/api/shifts.csv?filter=tehran&since=2018-01-01'))
    const tehranFeed = (await (await t.get('/feeds/shifts.json?filter=tehran&since=2018-01-01')).json()) as {
      items: { id: string }[]
    }
    expect(tehran.map((r) => r.id)).toEqual(tehranFeed.items.map((i) => i.id))
    expect(csvRecords(await csv('/api/shifts.csv?pair=iran--hamas&limit=1'))).toHaveLength(1)
    const pairs = csvRecords(await csv('/api/pairs.csv?actor=hamas'))
    expect(parseCsv(await csv('/api/pairs.csv'))[0]).toEqual(PAIR_COLUMNS.map((c) => c.name))
    expect(pairs.length).toBeGreaterThan(3)
    expect(pairs.every((p) => p.a === 'hamas' || p.b === 'hamas')).toBe(true)
    const api = (await (await t.get('/api/pairs?actor=hamas&limit=2&offset=1')).json()) as { pairs: { pair: string }[] }
    expect(csvRecords(await csv('/api/pairs.csv?actor=hamas&limit=2&offset=1')).map((p) => p.pair)).toEqual(
      api.pairs.map((p) => p.pair),
    )
    for (const bad of [
      '/api/shifts.csv?before=2018-01-01_a--b',
      '/api/shifts.csv?limit=0',
      '/api/pairs.csv?min_confidence=1',
      '/api/shifts.csv?filter=.*',
    ])
      expect((await t.get(bad)).status, bad).toBe(400)
  })

  it('neutralise cells that a spreadsheet would run as a formula, and keep numbers numbers', async () => {
    const evidence = [
      {
        text: '=HYPERLINK("http://evil.example","click")',
        url: null,
        source: '@SUM(A1:A9)',
        published: '2020-01-01T00:00:00Z',
      },
      {
        text: '+1 "quoted", with comma\r\nand a line break',
        url: 'https://x.example/a',
        source: '-Desk',
        published: '2020-01-01T00:00:00Z',
      },
    ]
    await t.db.kysely
      .insertInto('shifts')
      .values(
        egyptIsraelShift('2020-01-01', {
          direction: 'deteriorating',
          score: -0.4,
          level_after: -0.2,
          evidence: JSON.stringify(evidence),
        }),
      )
      .execute()
    await t.db.kysely
      .updateTable('meta')
      .set({ value: '2099-01-01T00:00:00.000Z' })
      .where('key', '=', 'changed_at')
      .execute()
    const [row] = csvRecords(await csv('/api/shifts.csv?pair=egypt--israel'))
    expect(row).toMatchObject({
      top_quote: `'=HYPERLINK("http://evil.example","click")`,
      top_quote_source: "'@SUM(A1:A9)",
      score: '-0.4',
      level_after: '-0.2',
    })
    expect(csvCell('+1 "quoted", with comma\r\nand a line break')).toBe(
      `"'+1 ""quoted"", with comma\r\nand a line break"`,
    )
    expect(['=1', '+1', '-1', '@a', '\tx', '\rx'].map(csvCell)).toEqual(["'=1", "'+1", "'-1", "'@a", "'\tx", `"'\rx"`])
    expect(csvCell(-0.5)).toBe('-0.5')
    await t.db.kysely.deleteFrom('shifts').where('pair', '=', 'egypt--israel').execute()
  })

  it('stream chunked, compressed as they go, with an ETag that answers 304 before any row is read', async () => {
    const plain = await raw('/api/shifts.csv', { 'Accept-Encoding': 'identity' })
    expect(plain.headers['transfer-encoding']).toBe('chunked')
    expect(plain.headers['content-length']).toBeUndefined()
    expect(plain.headers['content-disposition']).toBe('attachment; filename="entente-shifts.csv"')
    const gz = await raw('/api/shifts.csv', { 'Accept-Encoding': 'gzip' })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gz.body).toString()).toBe(plain.body.toString())
    expect(gz.headers.etag).toBe(String(plain.headers.etag).replace(/"$/, '-gz"'))
    const again = await raw('/api/shifts.csv', { 'Accept-Encoding': 'gzip', 'If-None-Match': String(gz.headers.etag) })
    expect(again.status).toBe(304)
    expect(
      (
        await raw('/api/pairs.csv?actor=iran', {
          'If-None-Match': String((await raw('/api/pairs.csv?actor=iran', {})).headers.etag),
        })
      ).status,
    ).toBe(304)
    const head = await t.get('/api/shifts.csv', { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })
})

describe('/api/signals.ndjson', () => {
  it('pulls every signal once, in storage order, resuming from a cursor', async () => {
    const all = await ndjson('/api/signals.ndjson')
    // The desk's undated Colombia–FARC entry is first-poll backlog, stored but never analysed: 2 signals fewer.
    expect(all.lines).toHaveLength(27)
    expect(all.head).toBe(all.lines.at(-1)!.cursor)
    const cursors = all.lines.map((l) => Number(l.cursor))
    expect([...cursors].sort((x, y) => x - y)).toEqual(cursors)
    expect(all.lines[0]).toMatchObject({
      id: expect.any(String),
      pair: expect.stringMatching(/--/),
      event_type: expect.any(String),
      sentence: expect.any(String),
    })
    const pulled: string[] = []
    let cursor = ''
    for (;;) {
      const page = await ndjson(`/api/signals.ndjson?limit=10${cursor ? `&cursor=${cursor}` : ''}`)
      pulled.push(...page.lines.map((l) => l.id))
      if (page.lines.length < 10) {
        cursor = page.head
        break
      }
      cursor = page.lines.at(-1)!.cursor
    }
    expect(pulled).toEqual(all.lines.map((l) => l.id))
    expect((await ndjson(`/api/signals.ndjson?cursor=${cursor}`)).lines).toEqual([])
    // Filters: the same parameters as elsewhere.
    expect((await ndjson('/api/signals.ndjson?event_type=sanction')).lines.map((l) => l.pair)).toEqual([
      'iran--saudi-arabia',
      'iran--saudi-arabia',
    ])
    expect(
      (await ndjson('/api/signals.ndjson?since=2019-01-01&actor=united-states')).lines.every(
        (l) => l.day >= '2019-01-01' && l.pair.includes('united-states'),
      ),
    ).toBe(true)
    expect((await t.get('/api/signals.ndjson?cursor=abc')).status).toBe(400)
    expect((await t.get('/api/signals.ndjson?limit=100001')).status).toBe(400)
  })

  it('hands a consumer at the head the newest signals again when they are deleted and stored anew, deletions as tombstones', async () => {
    const { head } = await ndjson('/api/signals.ndjson')
    // What re-analysis does to the newest item: its signals go (these hold the highest rowids) and come back.
    const newest = await t.db.kysely
      .selectFrom('signals')
      .selectAll()
      .where(
        'item_id',
        '=',
        (
          await t.db.kysely
            .selectFrom('signals')
            .select('item_id')
            .orderBy(t.db.kysely.fn('max', ['rowid' as never]), 'desc')
            .groupBy('item_id')
            .executeTakeFirstOrThrow()
        ).item_id,
      )
      .execute()
    expect(newest.length).toBeGreaterThan(0)
    await t.db.kysely
      .deleteFrom('signals')
      .where(
        'id',
        'in',
        newest.map((s) => s.id),
      )
      .execute()
    await t.db.kysely.insertInto('signals').values(newest).execute()
    const after = await ndjson(`/api/signals.ndjson?cursor=${head}`)
    const ids = newest.map((s) => s.id).sort()
    expect(
      after.lines
        .filter((l) => !l.deleted)
        .map((l) => l.id)
        .sort(),
    ).toEqual(ids)
    // Each id's tombstone comes before its new line: a consumer that deletes and upserts in order ends with the row.
    for (const id of ids) {
      const at = (deleted: boolean) => after.lines.findIndex((l) => l.id === id && !!l.deleted === deleted)
      expect(at(true)).toBeLessThan(at(false))
    }
    // A deletion alone reaches a consumer as a tombstone with the pair and day it concerned.
    await t.db.kysely.deleteFrom('signals').where('id', '=', newest[0]!.id).execute()
    const gone = await ndjson(`/api/signals.ndjson?cursor=${after.head}&pair=${newest[0]!.pair}`)
    expect(gone.lines).toEqual([
      { cursor: expect.any(String), id: newest[0]!.id, deleted: true, pair: newest[0]!.pair, day: newest[0]!.day },
    ])
    await t.db.kysely.insertInto('signals').values(newest[0]!).execute()
  })
})

describe('entente export', () => {
  const run = (args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((ok) => {
      const child = spawn(process.execPath, [BIN, 'export', ...args], {
        env: { ...process.env, ENTENTE_DB: t.dbPath, ENTENTE_BASE_URL: `http://localhost:${new URL(t.base).port}` },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (d) => (stdout += d))
      child.stderr.on('data', (d) => (stderr += d))
      child.once('exit', (status) => ok({ status, stdout, stderr }))
    })

  it('writes what the HTTP exports serve, with the same parameters as flags', async () => {
    const file = join(dir, 'shifts.csv')
    const [csvRun, pairs, signals] = await Promise.all([
      run(['--format', 'csv', '--since', '2018-01-01', '--event-type', 'cooperate', '--out', file]),
      run(['pairs', '--format', 'csv', '--actor', 'iran']),
      run(['--format', 'ndjson', '--cursor', '5', '--limit', '7']),
    ])
    expect(csvRun.stderr).toMatch(/export written export=shifts lines=\d+/)
    expect(csvRun.status).toBe(0)
    expect(readFileSync(file, 'utf8')).toBe(await csv('/api/shifts.csv?since=2018-01-01&event_type=COOPERATE'))
    expect(pairs.stdout).toBe(await csv('/api/pairs.csv?actor=iran'))
    const http = await t.get('/api/signals.ndjson?cursor=5&limit=7')
    expect(signals.stdout).toBe(await http.text())
    expect(signals.stderr).toMatch(new RegExp(`cursor=${http.headers.get('x-entente-cursor')}`))
  })

  it('refuses what the routes refuse, with the same messages', async () => {
    const [unknown, badDate, mismatch] = await Promise.all([
      run(['--format', 'csv', '--colour', 'red']),
      run(['--format', 'csv', '--since', '2018-13-01']),
      run(['signals', '--format', 'csv']),
    ])
    expect(unknown.status).toBe(1)
    expect(unknown.stderr).toMatch(/unknown parameter "colour": \/api\/shifts\.csv takes pair, actor, direction/)
    expect(badDate.stderr).toMatch(/since must be a date written YYYY-MM-DD/)
    expect(mismatch.stderr).toMatch(/signals are exported as ndjson/)
  })
})
