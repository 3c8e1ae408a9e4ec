import { describe, expect, it } from 'vitest'
import { renderAtom } from '../../src/publish/render-atom.ts'
import { renderJsonFeed } from '../../src/publish/render-json-feed.ts'
import { renderRss } from '../../src/publish/render-rss.ts'
import { shiftView, type FeedPage } from '../../src/publish/feed-page.ts'
import type { Shift } from '../../src/types.ts'

const hostile = 'Quote with ]]> and ]]> twice, <b>tags</b> & a bell\u0007 and NUL\u0000 and a lone \uD800 surrogate'
const shift: Shift = {
  id: 'hamas--iran/2018-01-08',
  pair: 'hamas--iran',
  a: 'hamas',
  b: 'iran',
  day: '2018-01-08',
  direction: 'improving',
  score: 0.62,
  confidence: 0.8,
  levelBefore: -0.1,
  levelAfter: 0.25,
  sources: 2,
  independentSources: 2,
  signals: 3,
  votes: { improving: 0.8 },
  evidence: [
    {
      text: hostile,
      url: 'https://news.example/a?x=1&y=2',
      source: 'Desk <Ltd> & "co"',
      published: '2018-01-08T10:00:00.000Z',
    },
  ],
  published: '2018-01-08T10:00:00.000Z',
  updated: '2018-01-08T12:00:00.000Z',
}
const page = (names: Record<string, string>): FeedPage => ({
  id: 'tag:entente.test,2026:feed/shifts',
  title: 'Entente — alignment shifts',
  description: 'd',
  links: {
    self: 'http://entente.test/feeds/shifts.atom?a=1&b=2',
    alternate: 'http://entente.test/',
    first: 'http://entente.test/feeds/shifts.atom',
    next: 'http://entente.test/feeds/shifts.atom?before=2018-01-08_hamas--iran',
    previous: null,
    atom: 'http://entente.test/feeds/shifts.atom',
    rss: 'http://entente.test/feeds/shifts.rss',
    json: 'http://entente.test/feeds/shifts.json',
    hub: null,
  },
  updated: '2018-01-08T12:00:00.000Z',
  baseUrl: 'http://entente.test',
  shifts: [shiftView(shift, 'http://entente.test', (id) => names[id] ?? id)],
})

const wellFormed = (xml: string) => {
  expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/)
  expect(xml).not.toMatch(/[\uD800-\uDFFF]/)
  const cdata = [...xml.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)].map((m) => m[1]!)
  for (const c of cdata) expect(c).not.toContain(']]>')
  expect(xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '')).not.toContain(']]>')
}

describe('feed rendering', () => {
  it('Atom survives hostile evidence and actor names, keeps dates fixed and adds RFC 5005 links', () => {
    const xml = renderAtom(page({ hamas: 'Ha<mas', iran: 'Iran' }))
    wellFormed(xml)
    expect(xml).toContain('<updated>2018-01-08T12:00:00.000Z</updated>')
    expect(xml).toContain(
      '<link rel="next" href="http://entente.test/feeds/shifts.atom?before=2018-01-08_hamas--iran"/>',
    )
    expect(xml).toContain('<link rel="first" href="http://entente.test/feeds/shifts.atom"/>')
    expect(xml).toMatch(/<category label="Hamas" scheme="http:\/\/entente.test\/actors\/" term="hamas"\/>/)
    expect(xml).toContain('Desk &lt;Ltd&gt; &amp; &quot;co&quot;')
    expect(renderAtom(page({}))).toBe(renderAtom(page({})))
  })
  it('RSS has a self link, non-permalink guids and RFC 822 dates', () => {
    const xml = renderRss(page({ hamas: 'Hamas', iran: 'Iran' }))
    wellFormed(xml)
    expect(xml).toContain(
      '<atom:link href="http://entente.test/feeds/shifts.atom?a=1&amp;b=2" rel="self" type="application/rss+xml"/>',
    )
    expect(xml).toContain('<guid isPermaLink="false">tag:entente.test,2026:shift/hamas--iran/2018-01-08</guid>')
    expect(xml).toContain('<pubDate>Mon, 08 Jan 2018 10:00:00 GMT</pubDate>')
  })
  it('JSON Feed is version 1.1 with authors, language, next_url and the documented extension', () => {
    const doc = JSON.parse(renderJsonFeed(page({ hamas: 'Hamas', iran: 'Iran' })))
    expect(doc).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      language: 'en',
      authors: [{ name: 'Entente' }],
      next_url: expect.stringContaining('before='),
    })
    const item = doc.items[0]
    expect(item).toMatchObject({
      id: 'tag:entente.test,2026:shift/hamas--iran/2018-01-08',
      title: 'Hamas–Iran: improving',
      date_published: '2018-01-08T10:00:00.000Z',
      date_modified: '2018-01-08T12:00:00.000Z',
      tags: ['Hamas', 'Iran', 'improving'],
    })
    expect(item._entente).toMatchObject({
      about: 'http://entente.test/docs/json-feed-extension',
      a: 'hamas',
      b: 'iran',
      level_before: -0.1,
      level_after: 0.25,
      sources: 2,
    })
    expect(item.content_html).not.toContain('<b>')
    expect(item.content_text).toContain('“Quote with')
  })
})
