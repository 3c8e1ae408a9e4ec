// Re-analysis with a changed engine cue, over a store filled by a real poll of loopback feeds: signals replaced
// and stamped with the engine version, the affected days re-aggregated, a shift whose direction changed corrected
// in place, a shift that lost its evidence withdrawn as a tombstone for 30 days, all listed in the corrections
// feed; the real engine applied again brings them back, and the counts say what happened.
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { engineVersion } from '../../src/analyze/engine-version.ts'
import { getEngine } from '../../src/analyze/engine.ts'
import { reanalyzeItems } from '../../src/poll/reanalyze-items.ts'
import { runPoll } from '../../src/poll/run-poll.ts'
import { startFeedServer, staticFeed, type FeedServer } from '../helpers/feed-server.ts'
import { appAt, pollDeps, rssFeed } from '../helpers/loopback-poll.ts'
import { flippedEngine } from '../helpers/modified-engine.ts'
import { fixture, tempDb } from '../helpers/temp-db.ts'

const POLLED = new Date('2026-11-20T10:00:00Z')
const FIRST_RUN = new Date('2026-11-21T10:00:00Z')
const SECOND_RUN = new Date('2026-11-22T10:00:00Z')
const SAUDI = 'iran--saudi-arabia/2016-01-03'
const HANOI = 'north-korea--united-states/2019-02-28'

let server: FeedServer
beforeAll(async () => {
  getEngine()
  server = await startFeedServer({
    '/seed.rss': staticFeed(readFileSync(fixture('seed-rss.xml'))),
    '/world.rdf': staticFeed(readFileSync(fixture('world-rdf.xml')), 'application/rdf+xml'),
  })
})
afterAll(() => server.close())

type JsonFeed = {
  items: {
    id: string
    title: string
    date_modified: string
    content_text: string
    _entente: {
      day: string
      direction: string
      withdrawn: boolean
      correction: { previous_direction: string; reason: string } | null
    }
  }[]
}

describe('reanalyze after an engine cue changed', () => {
  it('replaces signals, corrects and withdraws shifts openly, and the real engine brings them back', async () => {
    const t = await tempDb()
    try {
      const sources = [
        { url: server.url('/seed.rss'), title: 'MEI' },
        { url: server.url('/world.rdf'), title: 'World Wire' },
      ]
      await runPoll(pollDeps(server, t.db, POLLED), sources)
      const shift = (id: string) =>
        t.db.kysely.selectFrom('shifts').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
      const untouched = await shift('hamas--iran/2018-01-08')
      expect((await shift(SAUDI)).direction).toBe('deteriorating')
      expect((await shift(HANOI)).direction).toBe('frozen')
      const signalsBefore = (await t.db.kysely.selectFrom('signals').select('id').execute()).length
      expect(await t.db.kysely.selectFrom('items').select('analyzed_with').distinct().execute()).toEqual([
        { analyzed_with: engineVersion() },
      ])

      const progress: number[] = []
      const run = await reanalyzeItems(
        { db: t.db, now: () => FIRST_RUN, analyzer: flippedEngine(), progress: (p) => progress.push(p.done) },
        { chunk: 2 },
      )
      expect(run).toMatchObject({
        engine: 'test-flipped',
        since: null,
        items: 5,
        changedItems: 2,
        remaining: 0,
        signalsBefore,
      })
      expect(run.signalsAfter).toBe(signalsBefore - 2) // the Hanoi report lost its two signals
      expect(run.shiftsChanged).toBeGreaterThanOrEqual(2)
      expect(progress).toEqual([2, 4, 5, 5])
      expect(await t.db.kysely.selectFrom('items').select('analyzed_with').distinct().execute()).toEqual([
        { analyzed_with: 'test-flipped' },
      ])
      expect(await t.db.kysely.selectFrom('signals').select('engine_version').distinct().execute()).toEqual([
        { engine_version: 'test-flipped' },
      ])
      expect(await t.db.kysely.selectFrom('dirty_pair_days').selectAll().execute()).toEqual([])

      // The rupture now reads as an improvement: the same entry, corrected, with what it said before.
      const saudi = await shift(SAUDI)
      expect(saudi).toMatchObject({
        direction: 'improving',
        previous_direction: 'deteriorating',
        correction_reason: 'reanalysis',
        withdrawn_at: null,
      })
      expect(saudi.corrected_at).toBe(saudi.updated)
      expect(saudi.updated >= FIRST_RUN.toISOString()).toBe(true)
      // North Korea–US has no evidence left: a tombstone, not a deletion.
      const hanoi = await shift(HANOI)
      expect(hanoi).toMatchObject({
        direction: 'frozen',
        previous_direction: 'frozen',
        signals: 0,
        evidence: '[]',
        correction_reason: 'reanalysis',
      })
      expect(hanoi.withdrawn_at).toBe(hanoi.updated)
      expect(
        await t.db.kysely.selectFrom('pairs').selectAll().where('pair', '=', 'north-korea--united-states').execute(),
      ).toEqual([])
      // What did not change keeps its entry as it was.
      expect(await shift('hamas--iran/2018-01-08')).toEqual(untouched)

      const view = appAt(t.db, FIRST_RUN)
      const corrections = await view.json<JsonFeed>('/feeds/corrections.json')
      expect(corrections.items.map((i) => i.title).sort()).toEqual([
        'Iran–Saudi Arabia: improving (corrected, was deteriorating)',
        'North Korea–United States: withdrawn (was frozen)',
      ])
      const main = await view.json<JsonFeed>('/feeds/shifts.json')
      const entry = main.items.find((i) => i.id.endsWith(`shift/${SAUDI}`))!
      expect(entry._entente.correction).toMatchObject({ previous_direction: 'deteriorating', reason: 'reanalysis' })
      expect(entry.content_text).toContain(
        'Corrected on 2026-11-21 after re-analysis with an improved engine: previously published as deteriorating, now improving.',
      )
      expect(corrections.items.map((i) => i.id)).toEqual(expect.arrayContaining([entry.id]))
      const tomb = main.items.find((i) => i.id.endsWith(`shift/${HANOI}`))!
      expect(tomb._entente.withdrawn).toBe(true)
      expect(tomb.content_text).toContain('Withdrawn on 2026-11-21 after re-analysis with an improved engine')
      const page = await (await view.get('/pairs/iran--saudi-arabia')).text()
      expect(page).toContain('(corrected, was deteriorating)')
      expect(await (await view.get('/corrections')).text()).toContain('North Korea–United States, 2019-02-28')

      // Nothing left to do with the same engine.
      expect(await reanalyzeItems({ db: t.db, now: () => FIRST_RUN, analyzer: flippedEngine() })).toMatchObject({
        items: 0,
        remaining: 0,
        shiftsChanged: 0,
      })

      // The real engine again: the rupture is corrected back, the Hanoi shift restored from its tombstone.
      const back = await reanalyzeItems({ db: t.db, now: () => SECOND_RUN })
      expect(back).toMatchObject({ engine: engineVersion(), items: 5, changedItems: 2, signalsAfter: signalsBefore })
      expect(await shift(SAUDI)).toMatchObject({
        direction: 'deteriorating',
        previous_direction: 'improving',
        correction_reason: 'reanalysis',
      })
      expect(await shift(HANOI)).toMatchObject({
        direction: 'frozen',
        previous_direction: 'withdrawn',
        withdrawn_at: null,
        signals: 2,
      })
      const again = await appAt(t.db, SECOND_RUN).json<JsonFeed>('/feeds/corrections.json')
      expect(again.items.map((i) => i.title).sort()).toEqual([
        'Iran–Saudi Arabia: deteriorating (corrected, was improving)',
        'North Korea–United States: frozen (corrected, was withdrawn)',
      ])
    } finally {
      await t.cleanup()
    }
  })

  it('keeps a tombstone 30 days, then forgets it', async () => {
    const t = await tempDb()
    try {
      await runPoll(pollDeps(server, t.db, POLLED), [{ url: server.url('/world.rdf'), title: 'World Wire' }])
      await reanalyzeItems({ db: t.db, now: () => FIRST_RUN, analyzer: flippedEngine() })
      const ids = async (at: Date) =>
        (await appAt(t.db, at).json<JsonFeed>('/feeds/shifts.json')).items.map((i) => i.id.split('shift/')[1])
      expect(await ids(new Date('2026-12-20T10:00:00Z'))).toContain(HANOI)
      const later = new Date('2026-12-22T10:00:00Z')
      expect(await ids(later)).not.toContain(HANOI)
      expect((await appAt(t.db, later).json<JsonFeed>('/feeds/corrections.json')).items).toEqual([])
      // The next poll forgets it for good.
      await runPoll(pollDeps(server, t.db, later), [{ url: server.url('/world.rdf'), title: 'World Wire' }])
      expect(await t.db.kysely.selectFrom('shifts').select('id').where('id', '=', HANOI).execute()).toEqual([])
    } finally {
      await t.cleanup()
    }
  })

  it('leaves items in languages the engine does not read unanalysed, and keeps each source’s signal count in step', async () => {
    server.route('/noticias.atom', staticFeed(readFileSync(fixture('noticias-pt-atom.xml')), 'application/atom+xml'))
    const t = await tempDb()
    try {
      const world = server.url('/world.rdf')
      const noticias = server.url('/noticias.atom')
      await runPoll(pollDeps(server, t.db, POLLED), [
        { url: world, title: 'World Wire' },
        { url: noticias, title: 'Notícias' },
      ])
      const counts = async () => {
        const sources = await t.db.kysely.selectFrom('sources').select(['url', 'signal_count']).orderBy('url').execute()
        const stored = await t.db.kysely
          .selectFrom('signals')
          .select((eb) => ['source_url', eb.fn.countAll<number>().as('n')])
          .groupBy('source_url')
          .execute()
        return {
          sources: Object.fromEntries(sources.map((r) => [r.url, r.signal_count])),
          stored: Object.fromEntries(stored.map((r) => [r.source_url, Number(r.n)])),
        }
      }
      const before = await counts()
      expect(before.sources[noticias]).toBe(0)
      expect(before.sources[world]).toBe(before.stored[world])

      // The Portuguese items are read by the new engine's run too, and still yield nothing: one of them quotes an
      // English sentence that the engine, reading it, would turn into a Hamas–Iran signal.
      const run = await reanalyzeItems({ db: t.db, now: () => FIRST_RUN, analyzer: flippedEngine() })
      expect(run).toMatchObject({ items: 5, changedItems: 1, remaining: 0 })
      const portuguese = await t.db.kysely
        .selectFrom('items')
        .select(['language', 'signal_count', 'analyzed_with'])
        .where('source_url', '=', noticias)
        .execute()
      expect(portuguese).toEqual(
        [0, 1, 2].map(() => ({ language: 'por', signal_count: 0, analyzed_with: 'test-flipped' })),
      )
      const after = await counts()
      expect(after.stored[noticias]).toBeUndefined()
      expect(after.stored[world]).toBe(before.stored[world]! - 2) // the Hanoi report lost its two signals
      expect(after.sources).toEqual({ [noticias]: 0, [world]: after.stored[world] })
    } finally {
      await t.cleanup()
    }
  })

  it('re-analyses only items published since a day', async () => {
    const t = await tempDb()
    try {
      await runPoll(pollDeps(server, t.db, POLLED), [
        { url: server.url('/seed.rss'), title: 'MEI' },
        { url: server.url('/world.rdf'), title: 'World Wire' },
      ])
      // Three items are from 2018 or later (the Hanoi report among them); the 2016 rupture is not re-read.
      const run = await reanalyzeItems(
        { db: t.db, now: () => FIRST_RUN, analyzer: flippedEngine() },
        { since: '2017-01-01' },
      )
      expect(run).toMatchObject({ items: 3, changedItems: 1 })
      expect(
        await t.db.kysely
          .selectFrom('shifts')
          .select(['direction', 'previous_direction'])
          .where('id', '=', SAUDI)
          .executeTakeFirst(),
      ).toEqual({ direction: 'deteriorating', previous_direction: null })
    } finally {
      await t.cleanup()
    }
  })
})

describe('a correction from new evidence', () => {
  it('corrects a published day when later reports turn it, and says why', async () => {
    server.route(
      '/first.rss',
      staticFeed(
        rssFeed('First Desk', [
          {
            guid: 'f1',
            text: 'India and Pakistan agreed to restore diplomatic relations.',
            date: 'Mon, 23 Nov 2026 08:00:00 GMT',
          },
        ]),
      ),
    )
    const t = await tempDb()
    try {
      await runPoll(pollDeps(server, t.db, new Date('2026-11-23T12:00:00Z')), [
        { url: server.url('/first.rss'), title: 'First Desk' },
      ])
      expect((await t.db.kysely.selectFrom('shifts').select('direction').executeTakeFirstOrThrow()).direction).toBe(
        'improving',
      )
      server.route(
        '/second.rss',
        staticFeed(
          rssFeed('Second Desk', [
            {
              guid: 's1',
              text: 'India severed diplomatic relations with Pakistan after a deadly attack.',
              date: 'Mon, 23 Nov 2026 15:00:00 GMT',
            },
          ]),
        ),
      )
      server.route(
        '/third.rss',
        staticFeed(
          rssFeed('Third Desk', [
            {
              guid: 't1',
              text: 'Pakistan expelled India’s ambassador and suspended all trade with India.',
              date: 'Mon, 23 Nov 2026 16:00:00 GMT',
            },
          ]),
        ),
      )
      const later = new Date('2026-11-24T09:00:00Z')
      await runPoll(pollDeps(server, t.db, later), [
        { url: server.url('/second.rss'), title: 'Second Desk' },
        { url: server.url('/third.rss'), title: 'Third Desk' },
      ])
      const shift = await t.db.kysely
        .selectFrom('shifts')
        .selectAll()
        .where('id', '=', 'india--pakistan/2026-11-23')
        .executeTakeFirstOrThrow()
      expect(shift).toMatchObject({
        direction: 'deteriorating',
        previous_direction: 'improving',
        correction_reason: 'new-evidence',
        sources: 3,
      })
      const feed = await appAt(t.db, later).json<JsonFeed>('/feeds/corrections.json')
      expect(feed.items[0]!.content_text).toContain(
        'Corrected on 2026-11-24 after new evidence: previously published as improving, now deteriorating.',
      )
    } finally {
      await t.cleanup()
    }
  })
})
