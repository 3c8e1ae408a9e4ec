// The poll orchestrator on either dialect and runtime, against the fixture publishers of
// test/helpers/fixture-feeds.ts: each broken source fails alone, a source in backoff is skipped until its time (and
// polled when forced), a second poll asks conditionally and writes nothing, and one source whose storage crashes
// does not take the others down. test/poll/poll-dialects.test.ts runs it on SQLite in Node, and
// test/worker/poll-dialects.test.ts on D1 in workerd.
import { describe, expect, it } from 'vitest'
import type { FetchLike } from '../../../src/ingest/fetch-source.ts'
import { runPoll } from '../../../src/poll/run-poll.ts'
import type { Db } from '../../../src/store/schema.ts'
import type { StoreDialect } from '../../store/suites/store-dialect.ts'

export interface PollDialect extends StoreDialect {
  /** the fixture publishers' origin */
  feedBase(): string
  /** the runtime's guarded fetch, told about the fixture publishers as ENTENTE_ALLOW_HOSTS would */
  fetch(): FetchLike
}

const NOW = new Date('2026-11-20T09:00:00Z')
const silent = { info: () => {}, warn: () => {}, error: () => {} }

export function pollSuite(dialect: PollDialect) {
  const sources = (...paths: string[]) =>
    paths.map((p) => ({ url: `${dialect.feedBase()}${p}`, title: `Fixture ${p}` }))
  const deps = (db: Db, now = NOW) => ({ fetch: dialect.fetch(), db, now: () => now, log: silent })
  const outcomes = (summary: Awaited<ReturnType<typeof runPoll>>) =>
    Object.fromEntries(summary.sources.map((s) => [new URL(s.url).pathname, s.outcome]))

  describe(`a poll of the fixture publishers (${dialect.name})`, () => {
    it('stores the good sources and reports each broken one alone', async () => {
      const t = await dialect.open()
      try {
        const summary = await runPoll(
          deps(t.db),
          sources('/seed.rss', '/world.rdf', '/arabic.rss', '/broken.xml', '/missing.rss'),
        )
        expect(outcomes(summary)).toEqual({
          '/seed.rss': 'ok',
          '/world.rdf': 'ok',
          '/arabic.rss': 'ok',
          '/broken.xml': 'error',
          '/missing.rss': 'error',
        })
        expect(summary.sources.find((s) => s.url.endsWith('/broken.xml'))!.error).toMatch(/malformed feed/)
        expect(summary.sources.find((s) => s.url.endsWith('/missing.rss'))!.status).toBe(404)
        expect(summary.newItems).toBe(6)
        expect(summary.shiftsChanged).toBeGreaterThan(0)
        const shifts = await t.db.kysely.selectFrom('shifts').select(['pair', 'day', 'direction']).execute()
        expect(shifts).toEqual(
          expect.arrayContaining([{ pair: 'hamas--iran', day: '2018-01-08', direction: 'improving' }]),
        )
      } finally {
        await t.cleanup()
      }
    })

    it('skips a source in backoff until its time, polls it when forced, and asks the others conditionally', async () => {
      const t = await dialect.open()
      try {
        const list = sources('/seed.rss', '/missing.rss')
        await runPoll(deps(t.db), list)
        const missing = await t.db.kysely
          .selectFrom('sources')
          .selectAll()
          .where('url', '=', list[1]!.url)
          .executeTakeFirstOrThrow()
        expect(missing.failures).toBe(1)
        expect(missing.next_poll_at! > NOW.toISOString()).toBe(true)
        const soon = new Date(NOW.getTime() + 60_000)
        const again = await runPoll(deps(t.db, soon), list)
        expect(outcomes(again)).toEqual({ '/seed.rss': 'not-modified', '/missing.rss': 'skipped' })
        expect(again.sources[1]).toMatchObject({
          nextPollAt: missing.next_poll_at,
          error: expect.stringMatching(/^backing off after: /),
        })
        expect(again.newItems).toBe(0)
        const forced = await runPoll(deps(t.db, soon), list, { force: true })
        expect(outcomes(forced)).toEqual({ '/seed.rss': 'not-modified', '/missing.rss': 'error' })
        const later = await t.db.kysely
          .selectFrom('sources')
          .selectAll()
          .where('url', '=', list[1]!.url)
          .executeTakeFirstOrThrow()
        expect(later.failures).toBe(2)
        const due = await runPoll(deps(t.db, new Date(Date.parse(later.next_poll_at!) + 1000)), list)
        expect(outcomes(due)).toEqual({ '/seed.rss': 'not-modified', '/missing.rss': 'error' })
      } finally {
        await t.cleanup()
      }
    })

    it('reports a source whose storage crashes as an internal error and polls the others', async () => {
      const t = await dialect.open()
      try {
        const list = sources('/seed.rss', '/world.rdf', '/arabic.rss')
        const crashing: Db = {
          ...t.db,
          batch: async (q) =>
            q.some((x) => /insert into "items"/.test(x.sql) && x.parameters.includes(list[1]!.url))
              ? Promise.reject(new Error('disk I/O error'))
              : t.db.batch(q),
        }
        const summary = await runPoll(deps(crashing), list)
        expect(outcomes(summary)).toEqual({ '/seed.rss': 'ok', '/world.rdf': 'error', '/arabic.rss': 'ok' })
        expect(summary.sources[1]!.error).toBe('internal error: disk I/O error')
        const items = await t.db.kysely.selectFrom('items').select('source_url').execute()
        expect(new Set(items.map((i) => i.source_url))).toEqual(new Set([list[0]!.url, list[2]!.url]))
      } finally {
        await t.cleanup()
      }
    })
  })
}
