// Dates as publishers write them, table-driven, and every item of the real feeds that carry odd ones.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { hasRealFeeds, REAL_FEEDS } from '../helpers/requirement.ts'
import { decodeBody } from '../../src/ingest/decode-body.ts'
import { parseFeedDate } from '../../src/ingest/parse-date.ts'
import { parseFeed } from '../../src/ingest/parse-feed.ts'

const REAL = REAL_FEEDS
const real = async (name: string) =>
  parseFeed(decodeBody(readFileSync(REAL + name), null).text, 'https://feed.example/')

describe('parseFeedDate', () => {
  it.each([
    // RFC 822 / 2822, with the zones publishers use
    ['Mon, 08 Jan 2018 10:00:00 GMT', '2018-01-08T10:00:00.000Z'],
    ['Thu, 25 Oct 2018 22:52:00 +0100', '2018-10-25T21:52:00.000Z'],
    ['Wed, 30 Dec 2015 09:00:00 PST', '2015-12-30T17:00:00.000Z'],
    ['Sun, 3 Jan 2016 21:00 EST', '2016-01-04T02:00:00.000Z'],
    ['Fri, 13 Mar 2020 10:00:00 CEST', '2020-03-13T08:00:00.000Z'],
    ['Tue, 02 Jun 2020 10:00:00 +05:30', '2020-06-02T04:30:00.000Z'],
    ['Tue, 02 Jun 2020 10:00:00 UT', '2020-06-02T10:00:00.000Z'],
    ['Tue, 02 Jun 2020 10:00:00 GMT+3', '2020-06-02T07:00:00.000Z'],
    ['Tue, 02 Jun 2020 10:00:00 A', '2020-06-02T10:00:00.000Z'],
    // a wrong day name is ignored, a missing one too
    ['Mon, 09 Jan 2018 10:00:00 GMT', '2018-01-09T10:00:00.000Z'],
    ['09 Jan 2018 10:00:00 +0000', '2018-01-09T10:00:00.000Z'],
    // RSS 0.9x: two-digit year, 1500 for 15:00
    ['03 Apr 02 1500 GMT', '2002-04-03T15:00:00.000Z'],
    ['03 Apr 99 1500 GMT', '1999-04-03T15:00:00.000Z'],
    // localised day and month names
    ['Seg, 24 Set 2018 19:22:00 -0300', '2018-09-24T22:22:00.000Z'],
    ['mar. 24 sept. 2019 08:00:00 +0200', '2019-09-24T06:00:00.000Z'],
    ['Di, 12 Mär 2019 08:00:00 +0100', '2019-03-12T07:00:00.000Z'],
    ['Do, 12 Okt 2023 08:00:00 +0200', '2023-10-12T06:00:00.000Z'],
    ['mié, 05 dic 2018 16:12:00 +0100', '2018-12-05T15:12:00.000Z'],
    ['24 de setembro de 2018 19:22 -0300', '2018-09-24T22:22:00.000Z'],
    ['Pzt, 05 Ağu 2019 10:00:00 +0300', '2019-08-05T07:00:00.000Z'],
    ['24 сентября 2018 10:00 +0300', '2018-09-24T07:00:00.000Z'],
    ['ven, 16 mag 2014 09:00:00 +0200', '2014-05-16T07:00:00.000Z'],
    // month first
    ['Jan 08 2018 10:00:00 GMT', '2018-01-08T10:00:00.000Z'],
    ['Mon Jan 08 2018 10:00:00 GMT+0000 (Coordinated Universal Time)', '2018-01-08T10:00:00.000Z'],
    ['January 8th, 2018 3:05 PM EST', '2018-01-08T20:05:00.000Z'],
    // ISO 8601 / W3C-DTF, with and without a zone (zone-less reads as UTC, wherever the server runs)
    ['2016-06-27T07:36:54.007-07:00', '2016-06-27T14:36:54.007Z'],
    ['2024-03-10T17:15:00+01:00', '2024-03-10T16:15:00.000Z'],
    ['2024-03-10T17:15:00', '2024-03-10T17:15:00.000Z'],
    ['2024-03-10 17:15', '2024-03-10T17:15:00.000Z'],
    ['2024-03-10T17:15:00+0100', '2024-03-10T16:15:00.000Z'],
    ['2024-03-10', '2024-03-10T00:00:00.000Z'],
    ['2017-06-21T10:31:27Z', '2017-06-21T10:31:27.000Z'],
  ])('reads %s', (text, iso) => {
    expect(parseFeedDate(text)).toBe(iso)
  })

  it.each([
    'sometime last week',
    'not a date',
    '',
    'Mon, 31 Feb 2018 10:00:00 GMT',
    '2018-13-01',
    '31/12/2018',
    'Seg, 24 Xyz 2018 19:22:00 -0300',
    '24 Jui 2018',
    '2018-01-08T25:00:00Z',
    'Tue, 02 Jun 2020 10:00:00 +99:00',
  ])('refuses %j rather than guess', (text) => {
    expect(parseFeedDate(text)).toBeNull()
  })

  it('gives the same instant for a zone-less date whatever zone the server runs in', () => {
    const code = `import { parseFeedDate } from './src/ingest/parse-date.ts'; console.log(parseFeedDate('2024-03-10T17:15:00'), parseFeedDate('08 Jan 2018 10:00'))`
    for (const tz of ['UTC', 'Asia/Tokyo', 'America/Los_Angeles']) {
      const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
        cwd: new URL('../..', import.meta.url).pathname,
        env: { ...process.env, TZ: tz },
        encoding: 'utf8',
      })
      expect(run.stdout.trim(), tz).toBe('2024-03-10T17:15:00.000Z 2018-01-08T10:00:00.000Z')
    }
  })
})

describe.skipIf(!hasRealFeeds('the real feeds dated here'))('dates of real feeds', () => {
  it('reads the Portuguese day and month names of UOL Notícias', async () => {
    const feed = await real('rss-parser--uolNoticias.rss')
    expect(feed.items.length).toBe(15)
    expect(feed.items.every((i) => i.published?.startsWith('2018-09-2'))).toBe(true)
    expect(feed.items[0]!.published).toBe('2018-09-24T22:42:40.000Z')
  })

  it('reads Pacific times of the GiantBomb podcast and offsets of the Atom feeds, never the server’s zone', async () => {
    const podcast = await real('rss-parser--giantbomb-podcast.rss')
    expect(podcast.items.every((i) => i.published)).toBe(true)
    const atom = await real('miniflux--large_atom.xml')
    expect(atom.items[0]!.published).toBe('2024-03-10T16:15:00.000Z')
    const feedburner = await real('rss-parser--feedburner.atom')
    expect(feedburner.items.every((i) => i.published)).toBe(true)
  })

  it('reads dc:date where RSS 1.0 has no pubDate', async () => {
    const rdf = await real('rss-parser--rss-1.rss')
    expect(rdf.items.every((i) => i.published)).toBe(true)
    const craigslist = await real('rss-parser--craigslist.rss')
    expect(craigslist.items[0]!.published).toBe('2017-06-21T17:33:10.000Z')
  })

  it('leaves items undated where the feed dates only its channel or nothing', async () => {
    expect((await real('miniflux--rdf_UTF8.xml')).items.every((i) => i.published === null)).toBe(true)
    expect((await real('rss-parser--heraldsun.rss')).items.map((i) => i.published)).toEqual([null, null])
  })
})
