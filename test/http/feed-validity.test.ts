// Every published document against the strictest checks we can run offline: Atom against the RELAX NG
// grammar of RFC 4287 (jing) plus the appendix's Schematron rules and the W3C validator's main warnings,
// JSON Feed against the 1.1 JSON Schema, RSS against the RSS 2.0 profile, and HTTP semantics (HEAD, 304, ETag
// per filter combination, OPML).
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Ajv from 'ajv'
import addFormats from 'ajv-formats'
import schema from 'jsonfeed-schema/schema-v1.1.json' with { type: 'json' }
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POLLED_AT, populatedApp } from './populated-app.ts'
import { requirement } from '../helpers/requirement.ts'

const RNC = new URL('../fixtures/schemas/atom.rnc', import.meta.url).pathname
const hasJing = existsSync('/usr/bin/jing')
requirement(hasJing, 'jing (RELAX NG validation of the Atom feeds)', 'apt-get install jing (.ci/run does)')

let t: Awaited<ReturnType<typeof populatedApp>>
beforeAll(async () => {
  t = await populatedApp({ now: () => READ_AT })
})
afterAll(() => t.close())

const FEEDS = [
  '/feeds/shifts',
  '/feeds/pairs/hamas--iran',
  '/feeds/actors/hamas',
  '/feeds/shifts?direction=frozen',
  '/feeds/shifts?min_confidence=0.5&actor=iran',
  '/feeds/corrections',
]
// The feeds are read a day after the fixture poll, on a clock of their own: no date in them may be later.
const READ_AT = new Date(POLLED_AT.getTime() + 86_400_000)
const withFormat = (path: string, f: string) => path.replace(/(\?|$)/, `.${f}$1`)

function plausible(date: string) {
  const t0 = Date.parse(date)
  expect(Number.isNaN(t0), date).toBe(false)
  expect(t0, `${date} is the epoch`).toBeGreaterThan(Date.UTC(1990, 0, 1))
  expect(t0, `${date} is in the future`).toBeLessThanOrEqual(READ_AT.getTime())
}

describe('Atom 1.0', () => {
  for (const path of FEEDS) {
    it.skipIf(!hasJing)(`${withFormat(path, 'atom')} is valid against RFC 4287's RELAX NG grammar (jing)`, async () => {
      const xml = await (await t.get(withFormat(path, 'atom'))).text()
      const dir = mkdtempSync(join(tmpdir(), 'atom-'))
      const file = join(dir, 'feed.xml')
      writeFileSync(file, xml)
      let out = ''
      try {
        execFileSync('/usr/bin/jing', ['-c', RNC, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
      } catch (err) {
        out = String((err as { stdout?: string }).stdout ?? err)
      }
      expect(out).toBe('')
    })
    it(`${withFormat(path, 'atom')} follows RFC 4287's Schematron rules and the W3C validator's warnings`, async () => {
      const xml = await (await t.get(withFormat(path, 'atom'))).text()
      const head = xml.slice(0, xml.indexOf('<entry>') === -1 ? xml.length : xml.indexOf('<entry>'))
      expect(head).toMatch(/<author>\s*<name>Entente<\/name>/)
      expect(head).toContain(
        `<link rel="self" href="http://entente.test${withFormat(path, 'atom').replace(/&/g, '&amp;')}"/>`,
      )
      const alternates = [...head.matchAll(/<link rel="alternate"(?: type="([^"]+)")? href/g)].map((m) => m[1] ?? '')
      expect(new Set(alternates).size).toBe(alternates.length)
      plausible(/<updated>([^<]+)<\/updated>/.exec(head)![1]!)
      const entries = xml.split('<entry>').slice(1)
      const ids = entries.map((e) => /<id>([^<]+)<\/id>/.exec(e)![1])
      expect(new Set(ids).size).toBe(ids.length)
      // The W3C validator warns on "Two entries with the same value for atom:updated": each carries its own change.
      const updated = entries.map((e) => /<updated>([^<]+)<\/updated>/.exec(e)![1]!)
      expect(new Set(updated).size).toBe(updated.length)
      for (const u of updated) expect(u <= /<updated>([^<]+)<\/updated>/.exec(head)![1]!).toBe(true)
      for (const e of entries) {
        expect(e).toMatch(/<link href="http:\/\/entente\.test\/pairs\/[^"]+"\/>/)
        expect(e).toMatch(/<content type="html">/)
        const title = /<title type="html"><!\[CDATA\[([^\]]*)\]\]><\/title>/.exec(e)![1]!
        expect(title).not.toMatch(/[<>&]/)
        for (const m of e.matchAll(/<(updated|published)>([^<]+)</g)) plausible(m[2]!)
      }
    })
  }
})

describe('RSS 2.0', () => {
  for (const path of FEEDS) {
    it(`${withFormat(path, 'rss')} has the required elements, a self link and correct guids and dates`, async () => {
      const xml = await (await t.get(withFormat(path, 'rss'))).text()
      expect(xml).toMatch(
        /^<\?xml version="1.0" encoding="utf-8"\?>\s*<rss version="2.0"[^>]*xmlns:atom="http:\/\/www.w3.org\/2005\/Atom"/,
      )
      for (const tag of ['title', 'link', 'description', 'lastBuildDate', 'language', 'ttl'])
        expect(xml).toContain(`<${tag}>`)
      expect(xml).toContain(
        `<atom:link href="http://entente.test${withFormat(path, 'rss').replace(/&/g, '&amp;')}" rel="self" type="application/rss+xml"/>`,
      )
      const items = xml.split('<item>').slice(1)
      for (const item of items) {
        expect(item).toMatch(/<guid isPermaLink="false">tag:/)
        const date = /<pubDate>([^<]+)<\/pubDate>/.exec(item)![1]!
        expect(date).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/)
        plausible(date)
        expect(/<title><!\[CDATA\[([^\]]*)\]\]><\/title>/.exec(item)![1]).not.toMatch(/[<>&]/)
      }
    })
  }
})

describe('JSON Feed 1.1', () => {
  const ajv = new Ajv({ allErrors: true, strict: false })
  addFormats(ajv)
  const validate = ajv.compile(schema)
  for (const path of FEEDS) {
    it(`${withFormat(path, 'json')} validates against the JSON Feed 1.1 schema`, async () => {
      const doc = (await (await t.get(withFormat(path, 'json'))).json()) as Record<string, unknown> & {
        items: Record<string, unknown>[]
      }
      expect(validate(doc), JSON.stringify(validate.errors)).toBe(true)
      expect(doc).toMatchObject({
        version: 'https://jsonfeed.org/version/1.1',
        language: 'en',
        feed_url: `http://entente.test${withFormat(path, 'json')}`,
      })
      for (const item of doc.items) {
        for (const key of [
          'id',
          'url',
          'title',
          'content_text',
          'content_html',
          'date_published',
          'date_modified',
          'tags',
          '_entente',
        ])
          expect(item, key).toHaveProperty(key)
        plausible(item.date_published as string)
        expect((item._entente as { about: string }).about).toBe('http://entente.test/docs/json-feed-extension')
      }
    })
  }
})

describe('HTTP semantics of feeds', () => {
  it('HEAD answers like GET without a body', async () => {
    const get = await t.get('/feeds/shifts.atom')
    const head = await t.request('/feeds/shifts.atom', { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('etag')).toBe(get.headers.get('etag'))
    expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'))
    expect(await head.text()).toBe('')
  })
  it('gives every filter combination its own ETag and self link', async () => {
    const tags = new Set<string>()
    for (const q of [
      '',
      '?direction=frozen',
      '?direction=improving',
      '?min_confidence=0.6',
      '?actor=iran',
      '?direction=improving&actor=iran',
    ]) {
      const res = await t.get(`/feeds/shifts.json${q}`)
      tags.add(res.headers.get('etag')!)
      expect(((await res.json()) as { feed_url: string }).feed_url).toBe(`http://entente.test/feeds/shifts.json${q}`)
    }
    expect(tags.size).toBe(6)
  })
  it('lists the global feed and every active pair and actor feed in /feeds.opml', async () => {
    const res = await t.get('/feeds.opml')
    expect(res.headers.get('content-type')).toMatch(/opml|xml/)
    const opml = await res.text()
    expect(opml).toContain('xmlUrl="http://entente.test/feeds/shifts.atom"')
    expect(opml).toContain('xmlUrl="http://entente.test/feeds/corrections.atom"')
    const pairs = (await (await t.get('/api/pairs?limit=500')).json()) as {
      pairs: { pair: string; a: string; b: string }[]
    }
    for (const p of pairs.pairs) {
      expect(opml).toContain(`xmlUrl="http://entente.test/feeds/pairs/${p.pair}.atom"`)
      expect(opml).toContain(`xmlUrl="http://entente.test/feeds/actors/${p.a}.atom"`)
    }
  })
})
