// Every feed in ../shared/real-feeds fetched from loopback and parsed: it ingests with correctly decoded
// text (a known title with non-ASCII letters) or fails alone with a clear error.
import { readdirSync, readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decodeBody } from '../../src/ingest/decode-body.ts'
import { fetchSource } from '../../src/ingest/fetch-source.ts'
import { parseFeed } from '../../src/ingest/parse-feed.ts'
import { startFeedServer, staticFeed, type FeedServer } from '../helpers/feed-server.ts'
import { hasRealFeeds, REAL_FEEDS } from '../helpers/requirement.ts'

const DIR = REAL_FEEDS
const present = hasRealFeeds('the real publishers’ feeds')

// file → a title (feed or first item) that only a correct decoding produces, or the error expected
const EXPECTED: Record<string, { title: string } | { error: RegExp }> = {
  'miniflux--encoding_ISO-8859-1.xml': { title: 'Golem.de' },
  'miniflux--encoding_WINDOWS-1251.xml': { title: 'Цитата #17703' },
  'miniflux--invalid-prolog.xml': { title: '테스트 피드' },
  'miniflux--iso88591_utf8_mismatch.xml': { error: /not a feed/ },
  'miniflux--koi8r.xml': { title: 'Пример RSS ленты' },
  'miniflux--large_atom.xml': { title: 'Artificial truth' },
  'miniflux--large_rss.xml': { title: 'Artificial truth' },
  'miniflux--no_encoding_ISO-8859-1.xml': { title: 'Flux RSS du magazine de psychologie Le Cercle Psy' },
  'miniflux--rdf_UTF8.xml': { title: 'OLED-TVs: Vorsichtsmaßnahmen gegen Einbrennen' },
  'miniflux--urdu_UTF8.xml': {
    title: 'امریکی عسکری امداد کی بندش کی وجوہات: انڈیا سے جنگ، جوہری پروگرام اور اب دہشت گردوں کی پشت پناہی',
  },
  'miniflux--utf8-incorrect-prolog.xml': { title: '테스트 피드' },
  'miniflux--windows-1252-incorrect-prolog.xml': { title: 'Euro €' },
  'miniflux--windows-1252.xml': { title: 'Euro €' },
  'rss-parser--craigslist.rss': { title: 'craigslist SF bay area | apts/housing for rent search' },
  'rss-parser--encoding.rss': { title: 'Jornal de Notícias - Últimas Notícias' },
  'rss-parser--feedburner.atom': { title: 'Google Ads Developer Blog' },
  'rss-parser--giantbomb-podcast.rss': { title: 'Giant Bombcast' },
  'rss-parser--guardian.rss': { title: 'The Guardian' },
  'rss-parser--heise.atom': { title: 'heise developer neueste Meldungen' },
  'rss-parser--heraldsun.rss': { title: 'RSS0.92 Example' },
  'rss-parser--incomplete-fields.atom': { title: '(untitled feed)' },
  'rss-parser--missing-fields.atom': { title: '(untitled feed)' },
  'rss-parser--reddit-atom.rss': { title: 'reddit: the front page of the internet' },
  'rss-parser--rss-1.rss': { title: 'Science twis' },
  'rss-parser--uolNoticias.rss': { title: 'UOL Noticias' },
}

describe.skipIf(!present)('real publishers’ feeds through fetch-from-loopback and parse', () => {
  let server: FeedServer
  const files = present ? readdirSync(DIR).filter((f) => !f.endsWith('.md')) : []
  beforeAll(async () => {
    // Served as application/xml with no charset, so decoding relies on the document itself.
    server = await startFeedServer(
      Object.fromEntries(files.map((f) => [`/${f}`, staticFeed(readFileSync(DIR + f), 'application/xml')])),
    )
  })
  afterAll(() => server.close())

  it('knows what to expect of every file', () => {
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort())
  })

  for (const file of Object.keys(EXPECTED)) {
    it(file, async () => {
      const res = await fetchSource(fetch, server.url(`/${file}`))
      expect(res.kind).toBe('ok')
      if (res.kind !== 'ok') return
      const expected = EXPECTED[file]!
      const text = decodeBody(res.bytes, res.contentType).text
      if ('error' in expected) {
        await expect(parseFeed(text, res.url)).rejects.toThrow(expected.error)
        return
      }
      const feed = await parseFeed(text, res.url)
      const titles = [feed.title, ...feed.items.slice(0, 3).map((i) => i.title)]
      expect(titles).toContain(expected.title)
      for (const item of feed.items) {
        expect(item.text).not.toMatch(/[\u0000-\u0008\uFFFD]/)
        expect(item.guid.length).toBeGreaterThan(0)
      }
    })
  }
})
