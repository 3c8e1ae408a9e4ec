// Dating through real polls of loopback feeds: real publishers' undated and oddly dated feeds, a years-old undated
// backlog that must never become today's shift, and an undated item that arrives later, filed under the poll that
// first saw it, marked and weighed less.
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getEngine } from '../../src/analyze/engine.ts'
import { runPoll } from '../../src/poll/run-poll.ts'
import { startFeedServer, staticFeed, type FeedServer } from '../helpers/feed-server.ts'
import { appAt, pollDeps, rssFeed } from '../helpers/loopback-poll.ts'
import { tempDb } from '../helpers/temp-db.ts'
import { hasRealFeeds, REAL_FEEDS } from '../helpers/requirement.ts'

const REAL = REAL_FEEDS
const present = hasRealFeeds('the real feeds dated here')
const FIRST = new Date('2026-11-20T09:00:00Z')
const LATER = new Date('2026-11-26T12:00:00Z')

let server: FeedServer
beforeAll(async () => {
  getEngine()
  server = await startFeedServer(
    present
      ? {
          '/heise.rdf': staticFeed(readFileSync(REAL + 'miniflux--rdf_UTF8.xml'), 'application/rdf+xml'),
          '/uol.rss': staticFeed(readFileSync(REAL + 'rss-parser--uolNoticias.rss')),
          '/heraldsun.rss': staticFeed(readFileSync(REAL + 'rss-parser--heraldsun.rss')),
        }
      : {},
  )
})
afterAll(() => server.close())

const source = (path: string, title: string) => ({ url: server.url(path), title })

describe.skipIf(!present)('dating real feeds', () => {
  it('keeps the publisher’s date where it can be read, in any language, and marks the rest', async () => {
    const t = await tempDb()
    try {
      const summary = await runPoll(pollDeps(server, t.db, FIRST), [
        source('/heise.rdf', 'heise'),
        source('/uol.rss', 'UOL'),
        source('/heraldsun.rss', 'Herald Sun'),
      ])
      expect(summary.sources.map((s) => s.outcome)).toEqual(['ok', 'ok', 'ok'])
      const items = await t.db.kysely
        .selectFrom('items')
        .select(['source_title', 'published', 'dating', 'signal_count'])
        .execute()
      const of = (title: string) => items.filter((i) => i.source_title === title)
      // UOL writes "Seg, 24 Set 2018 19:22:00 -0300": every item keeps its own date.
      expect(of('UOL')).toHaveLength(15)
      expect(of('UOL').every((i) => i.dating === 'feed' && i.published.startsWith('2018-09-2'))).toBe(true)
      // heise's RSS 0.9 and the Herald Sun's items have no date: on the first poll they are backlog, never analysed.
      expect(of('heise')).toHaveLength(60)
      for (const i of [...of('heise'), ...of('Herald Sun')])
        expect(i).toMatchObject({ dating: 'backlog', published: FIRST.toISOString(), signal_count: 0 })
    } finally {
      await t.cleanup()
    }
  })
})

describe('an undated backlog and undated news', () => {
  it('never makes a shift dated today from the backlog; files later undated news under first-seen, marked and weighed less', async () => {
    const old = {
      guid: 'peace-2016',
      text: "Colombia's government and the FARC signed a peace agreement ending more than fifty years of conflict.",
    }
    const fresh = {
      guid: 'rupture',
      text: 'Saudi Arabia severed diplomatic relations with Iran after protesters stormed its embassy in Tehran.',
    }
    server.route('/undated.rss', staticFeed(rssFeed('Undated Wire', [old])))
    // Another desk carries the same report with its date, on the day the undated copy is first seen.
    server.route(
      '/dated.rss',
      staticFeed(rssFeed('Dated Desk', [{ ...fresh, guid: 'dated-rupture', date: 'Thu, 26 Nov 2026 08:00:00 GMT' }])),
    )
    const t = await tempDb()
    try {
      await runPoll(pollDeps(server, t.db, FIRST), [source('/undated.rss', 'Undated Wire')])
      expect(await t.db.kysely.selectFrom('items').select(['dating', 'signal_count']).execute()).toEqual([
        { dating: 'backlog', signal_count: 0 },
      ])
      expect(await t.db.kysely.selectFrom('shifts').selectAll().execute()).toEqual([])
      const view = appAt(t.db, FIRST)
      expect((await view.json<{ items: unknown[] }>('/feeds/shifts.json')).items).toEqual([])

      // The feed grows: an undated item seen after the first poll is news of the day it was first seen.
      server.route('/undated.rss', staticFeed(rssFeed('Undated Wire', [fresh, old])))
      await runPoll(pollDeps(server, t.db, LATER), [source('/undated.rss', 'Undated Wire')])
      const item = await t.db.kysely
        .selectFrom('items')
        .selectAll()
        .where('guid', '=', 'rupture')
        .executeTakeFirstOrThrow()
      expect(item).toMatchObject({ dating: 'first-seen', published: LATER.toISOString() })
      const shift = await t.db.kysely
        .selectFrom('shifts')
        .selectAll()
        .where('pair', '=', 'iran--saudi-arabia')
        .executeTakeFirstOrThrow()
      expect(shift.day).toBe('2026-11-26')
      const feed = await appAt(t.db, LATER).json<{
        items: { _entente: { confidence: number; evidence: { date_inferred: boolean; published: string }[] } }[]
      }>('/feeds/pairs/iran--saudi-arabia.json')
      expect(feed.items[0]!._entente.evidence).toEqual([
        expect.objectContaining({ date_inferred: true, published: LATER.toISOString() }),
      ])
      const page = await (await appAt(t.db, LATER).get('/pairs/iran--saudi-arabia')).text()
      expect(page).toContain('date inferred: first seen then')
      const inferred = feed.items[0]!._entente.confidence

      // The same report with its publisher's date, alone in another store, counts twice as much.
      const dated = await tempDb()
      try {
        await runPoll(pollDeps(server, dated.db, LATER), [source('/dated.rss', 'Dated Desk')])
        const datedShift = await dated.db.kysely
          .selectFrom('shifts')
          .selectAll()
          .where('pair', '=', 'iran--saudi-arabia')
          .executeTakeFirstOrThrow()
        expect(JSON.parse(datedShift.evidence)[0].dateInferred).toBe(false)
        expect(inferred).toBeCloseTo(datedShift.confidence / 2, 2)
        expect(shift.weight).toBeCloseTo(datedShift.weight / 2, 2)
      } finally {
        await dated.cleanup()
      }
    } finally {
      await t.cleanup()
    }
  })

  it('treats a date in the future or before 1990 as no date', async () => {
    server.route(
      '/wrong.rss',
      staticFeed(
        rssFeed('Wrong Clock', [
          { guid: 'future', text: 'Japan and South Korea held talks in Tokyo.', date: 'Tue, 01 Jan 2036 10:00:00 GMT' },
          { guid: 'epoch', text: 'India and Pakistan held talks in Delhi.', date: 'Thu, 01 Jan 1970 00:00:00 GMT' },
          { guid: 'fine', text: 'Egypt and Israel held talks in Cairo.', date: 'Wed, 25 Nov 2026 10:00:00 +0200' },
        ]),
      ),
    )
    const t = await tempDb()
    try {
      await runPoll(pollDeps(server, t.db, LATER), [source('/wrong.rss', 'Wrong Clock')])
      const items = await t.db.kysely
        .selectFrom('items')
        .select(['guid', 'dating', 'published'])
        .orderBy('guid')
        .execute()
      expect(items).toEqual([
        { guid: 'epoch', dating: 'backlog', published: LATER.toISOString() },
        { guid: 'fine', dating: 'feed', published: '2026-11-25T08:00:00.000Z' },
        { guid: 'future', dating: 'backlog', published: LATER.toISOString() },
      ])
    } finally {
      await t.cleanup()
    }
  })
})
