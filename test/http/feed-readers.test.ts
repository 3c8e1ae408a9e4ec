// Our feeds re-read by a real parser: Python feedparser from Debian (installed by .ci/run when missing).
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { populatedApp } from './populated-app.ts'
import { requirement } from '../helpers/requirement.ts'

const PYTHON = '/usr/bin/python3'
const hasFeedparser =
  existsSync(PYTHON) &&
  (() => {
    try {
      execFileSync(PYTHON, ['-c', 'import feedparser'], { stdio: 'ignore' })
      return true
    } catch {
      return false
    }
  })()
requirement(hasFeedparser, 'python3-feedparser', 'apt-get install python3-feedparser (.ci/run does)')

const SCRIPT = `
import sys, json, feedparser
d = feedparser.parse(sys.stdin.buffer.read())
print(json.dumps({
  "bozo": bool(d.bozo), "error": str(d.get("bozo_exception", "")), "version": d.version,
  "title": d.feed.get("title"), "links": [l.get("rel") + " " + l.get("href") for l in d.feed.get("links", [])],
  "entries": [{"id": e.get("id"), "title": e.get("title"), "link": e.get("link"), "published": e.get("published"),
               "updated": e.get("updated"), "tags": [t.get("term") for t in e.get("tags", [])],
               "content": (e.get("content") or [{}])[0].get("value") or e.get("summary")} for e in d.entries]}))
`

describe.skipIf(!hasFeedparser)('feeds read by Python feedparser', () => {
  let t: Awaited<ReturnType<typeof populatedApp>>
  beforeAll(async () => {
    t = await populatedApp()
  })
  afterAll(() => t.close())

  const parse = async (path: string) => {
    const body = await (await t.get(path)).text()
    return JSON.parse(execFileSync(PYTHON, ['-c', SCRIPT], { input: body, encoding: 'utf8' })) as {
      bozo: boolean
      error: string
      version: string
      title: string
      links: string[]
      entries: {
        id: string
        title: string
        link: string
        published: string
        updated: string
        tags: string[]
        content: string
      }[]
    }
  }

  for (const [path, version] of [
    ['/feeds/shifts.atom', 'atom10'],
    ['/feeds/shifts.rss', 'rss20'],
    ['/feeds/pairs/hamas--iran.atom', 'atom10'],
    ['/feeds/actors/hamas.rss', 'rss20'],
    ['/feeds/shifts.atom?direction=frozen&min_confidence=0.1', 'atom10'],
  ] as const) {
    it(`${path} parses without errors and with every field`, async () => {
      const d = await parse(path)
      expect(d.error).toBe('')
      expect(d.bozo).toBe(false)
      expect(d.version).toBe(version)
      expect(d.title).toMatch(/^Entente — /)
      expect(d.links.some((l) => l.startsWith('self http://entente.test/feeds/'))).toBe(true)
      expect(d.entries.length).toBeGreaterThan(0)
      for (const e of d.entries) {
        expect(e.id).toMatch(/^tag:entente\.test,2026:shift\/[a-z0-9-]+--[a-z0-9-]+\/\d{4}-\d{2}-\d{2}$/)
        expect(e.title).toMatch(/^[^<>]+–[^<>]+: (improving|deteriorating|frozen|stable)$/)
        expect(e.link).toMatch(/^http:\/\/entente\.test\/pairs\//)
        expect(e.published).toBeTruthy()
        expect(e.content).toMatch(/<blockquote>/)
      }
    })
  }

  it('finds the seed article shifts in the global Atom feed', async () => {
    const d = await parse('/feeds/shifts.atom')
    const titles = d.entries.map((e) => e.title)
    expect(titles).toContain('Hamas–Iran: improving')
    expect(titles).toContain('Hamas–Syria: frozen')
    const e = d.entries.find((x) => x.title === 'Hamas–Iran: improving')!
    expect(e.tags).toEqual(expect.arrayContaining(['hamas', 'iran', 'improving']))
  })
})
