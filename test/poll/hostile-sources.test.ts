// Publishers that work against each other or against the counts: a sentence with two signals for one pair, a
// feed that claims another site's links and copies its text first. Through a real poll of loopback servers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyzeText } from '../../src/analyze/analyze-text.ts'
import { parseAllowHosts } from '../../src/ingest/url-policy.ts'
import { runPoll } from '../../src/poll/run-poll.ts'
import { guardedFetch } from '../../src/runtime/node/guarded-fetch.ts'
import { startFeedServer, staticFeed, type FeedServer } from '../helpers/feed-server.ts'
import { unaggregated } from '../helpers/aggregation-races.ts'
import { silentLog, tempDb } from '../helpers/temp-db.ts'

const NOW = new Date('2026-11-26T12:00:00Z')
const rss = (title: string, items: { guid: string; link: string; text: string }[]) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><link>https://${title.toLowerCase()}.example/</link>${items
    .map(
      (i) =>
        `<item><title>${i.text.split(' ').slice(0, 4).join(' ')}</title><guid>${i.guid}</guid><link>${i.link}</link><pubDate>Sat, 03 Oct 2026 10:00:00 GMT</pubDate><description>${i.text}</description></item>`,
    )
    .join('')}</channel></rss>`

let server: FeedServer
beforeAll(async () => {
  server = await startFeedServer()
})
afterAll(() => server.close())
const deps = (db: Awaited<ReturnType<typeof tempDb>>['db']) => ({
  fetch: guardedFetch(parseAllowHosts(new URL(server.url('/')).host)),
  db,
  now: () => NOW,
  log: silentLog,
})

describe('signals of one sentence', () => {
  it('stores every signal a sentence yields for one pair, and the summary counts what was stored', async () => {
    const text =
      'TEHRAN (Reuters) - Iran said on Saturday it would reject any proposal to halt uranium enrichment, a step European Union diplomats are proposing to end a row over whether Iran is seeking atomic weapons.'
    const analysed = analyzeText(`${text.split(' ').slice(0, 4).join(' ')}\n${text}`, { date: '2026-10-03' }).signals
    const perSentencePair = new Map<string, number>()
    for (const s of analysed)
      perSentencePair.set(
        `${s.sentenceIndex} ${s.pair}`,
        (perSentencePair.get(`${s.sentenceIndex} ${s.pair}`) ?? 0) + 1,
      )
    expect(Math.max(...perSentencePair.values())).toBeGreaterThan(1)
    server.route('/enrichment.rss', staticFeed(rss('Wire', [{ guid: 'w1', link: 'https://wire.example/1', text }])))
    const t = await tempDb()
    try {
      const summary = await runPoll(deps(t.db), [{ url: server.url('/enrichment.rss'), title: 'Wire' }])
      const stored = await t.db.kysely.selectFrom('signals').selectAll().execute()
      expect(stored).toHaveLength(analysed.length)
      expect(summary.newSignals).toBe(analysed.length)
      expect(summary.sources[0]).toMatchObject({ outcome: 'ok', newItems: 1, signals: analysed.length })
      expect(await unaggregated(t.db)).toEqual([])
      // Re-storing the same analysis (a forced re-fetch) adds nothing and counts nothing.
      const again = await runPoll(deps(t.db), [{ url: server.url('/enrichment.rss'), title: 'Wire' }], { force: true })
      expect(again.newSignals).toBe(0)
      expect(await t.db.kysely.selectFrom('signals').selectAll().execute()).toHaveLength(analysed.length)
    } finally {
      await t.cleanup()
    }
  })
})

describe('known items', () => {
  it('are matched within their own source: a feed that claims another site’s link and text first hides nothing', async () => {
    const victim = {
      guid: 'https://victim.example/2026/10/saudi-iran',
      link: 'https://victim.example/2026/10/saudi-iran',
      text: 'Saudi Arabia and Iran agreed to restore diplomatic relations after talks in Beijing.',
    }
    // The attacker publishes the victim's link with its own sentence, and a verbatim copy under another guid.
    server.route(
      '/attacker.rss',
      staticFeed(
        rss('Attacker', [
          { guid: 'a1', link: victim.link, text: 'Saudi Arabia severed diplomatic relations with Iran.' },
          { guid: 'a2', link: 'https://attacker.example/copy', text: victim.text },
        ]),
      ),
    )
    server.route('/victim.rss', staticFeed(rss('Victim', [victim])))
    const t = await tempDb()
    try {
      await runPoll(deps(t.db), [{ url: server.url('/attacker.rss'), title: 'Attacker' }])
      const summary = await runPoll(deps(t.db), [{ url: server.url('/victim.rss'), title: 'Victim' }])
      expect(summary.sources[0]).toMatchObject({ outcome: 'ok', newItems: 1 })
      const items = await t.db.kysely
        .selectFrom('items')
        .select(['source_title', 'url', 'text'])
        .orderBy('source_title')
        .orderBy('url')
        .execute()
      expect(items.filter((i) => i.source_title === 'Victim')).toEqual([
        {
          source_title: 'Victim',
          url: victim.link,
          text: `${victim.text.split(' ').slice(0, 4).join(' ')}\n${victim.text}`,
        },
      ])
      const shift = await t.db.kysely
        .selectFrom('shifts')
        .selectAll()
        .where('pair', '=', 'iran--saudi-arabia')
        .executeTakeFirstOrThrow()
      const evidence = JSON.parse(shift.evidence) as {
        text: string
        url: string
        source: string
        copies: { source: string; url: string }[]
      }[]
      // The victim's article is in the evidence: quoted, or listed as an outlet that carried the same sentence.
      const quoted = evidence.find((e) => e.text === victim.text)!
      expect([
        { source: quoted.source, url: quoted.url },
        ...quoted.copies.map((c) => ({ source: c.source, url: c.url })),
      ]).toContainEqual({ source: 'Victim', url: victim.link })
      expect(shift.sources).toBe(2)
      // Within one source a republished item is still known: the victim's feed fetched again adds nothing.
      server.route('/victim.rss', staticFeed(rss('Victim', [victim, { ...victim, guid: 'victim-repost' }])))
      expect((await runPoll(deps(t.db), [{ url: server.url('/victim.rss'), title: 'Victim' }])).newItems).toBe(0)
    } finally {
      await t.cleanup()
    }
  })
})
