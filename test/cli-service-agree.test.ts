// `entente analyze` on an article's text and the service's shift for that article's pair and day give the same
// direction: a day is a vote of articles, each with the verdict analyze gives it. Where they legitimately differ
// (another outlet's article on the same pair and day), the shift's evidence says what each article said.
import { spawnSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getEngine } from '../src/analyze/engine.ts'
import { runPoll } from '../src/poll/run-poll.ts'
import { startFeedServer, staticFeed, type FeedServer } from './helpers/feed-server.ts'
import { appAt, pollDeps, rssFeed } from './helpers/loopback-poll.ts'
import { tempDb } from './helpers/temp-db.ts'

const BIN = new URL('../bin/entente.mjs', import.meta.url).pathname
const NOW = new Date('2026-12-01T12:00:00Z')
// Articles whose sentences point different ways: the per-sentence vote the service used to take disagreed with
// analyze on them (Guaido: "improving" against analyze's "deteriorating").
const ARTICLES = [
  {
    guid: 'guaido',
    title: 'US recognises Guaido',
    text: "The United States recognised opposition leader Juan Guaido as Venezuela's interim president, and Maduro responded by breaking off diplomatic relations with Washington.",
    date: 'Wed, 23 Jan 2019 21:10:00 GMT',
  },
  {
    guid: 'honduras',
    title: 'Honduras switches recognition to Beijing',
    text: "Honduras established diplomatic relations with China on Sunday and cut ties with Taiwan, whose Foreign Minister Joseph Wu accused Beijing of luring away the island's allies with promises of investment, leaving Taipei recognised by only 13 countries.",
    date: 'Sun, 26 Mar 2023 18:00:00 GMT',
  },
  {
    guid: 'oman',
    title: 'Oman and Iran',
    text: 'Oman’s foreign minister held talks with Iranian officials in Tehran, and both sides described relations between the two neighbours as stable and friendly.',
    date: 'Mon, 10 Jun 2019 09:00:00 GMT',
  },
]

let server: FeedServer
beforeAll(async () => {
  getEngine()
  server = await startFeedServer({
    '/guardian.rss': staticFeed(
      rssFeed(
        'The Guardian',
        ARTICLES.map((a) => ({
          guid: a.guid,
          title: a.title,
          text: a.text,
          date: a.date,
          link: `https://www.theguardian.com/world/${a.guid}`,
        })),
        'https://www.theguardian.com/world',
      ),
    ),
    '/caracas.rss': staticFeed(
      rssFeed('Caracas Desk', [
        {
          guid: 'talks',
          title: 'Venezuela and US hold talks',
          text: 'Venezuela and the United States agreed to resume talks on oil and prisoners, officials in Caracas said.',
          date: 'Wed, 23 Jan 2019 23:00:00 GMT',
        },
      ]),
    ),
  })
})
afterAll(() => server.close())

/** What `entente analyze` prints for an article as the service reads it: its title and text, at its date. */
function analyze(article: (typeof ARTICLES)[number]): { pair: string; direction: string }[] {
  const date = new Date(article.date).toISOString().slice(0, 10)
  const run = spawnSync(process.execPath, [BIN, 'analyze', '--date', date], {
    input: `${article.title}\n${article.text}`,
    encoding: 'utf8',
  })
  expect(run.status, run.stderr).toBe(0)
  return (JSON.parse(run.stdout) as { pairs: { pair: string; direction: string }[] }).pairs
}

describe('entente analyze and the service', () => {
  it('give the same direction for every pair of each article, on its day', async () => {
    const t = await tempDb()
    try {
      await runPoll(pollDeps(server, t.db, NOW), [{ url: server.url('/guardian.rss'), title: 'The Guardian' }])
      let compared = 0
      for (const article of ARTICLES) {
        const day = new Date(article.date).toISOString().slice(0, 10)
        for (const verdict of analyze(article)) {
          const shift = await t.db.kysely
            .selectFrom('shifts')
            .select(['direction'])
            .where('id', '=', `${verdict.pair}/${day}`)
            .executeTakeFirstOrThrow()
          expect(shift.direction, `${article.guid} ${verdict.pair}`).toBe(verdict.direction)
          compared++
        }
      }
      expect(compared).toBeGreaterThanOrEqual(5)
      expect(analyze(ARTICLES[0]!)).toEqual([
        expect.objectContaining({ pair: 'united-states--venezuela', direction: 'deteriorating' }),
      ])
    } finally {
      await t.cleanup()
    }
  })

  it('where another outlet’s article weighs in, shows each article’s verdict and the vote in the evidence', async () => {
    const t = await tempDb()
    try {
      await runPoll(pollDeps(server, t.db, NOW), [
        { url: server.url('/guardian.rss'), title: 'The Guardian' },
        { url: server.url('/caracas.rss'), title: 'Caracas Desk' },
      ])
      const feed = await appAt(t.db, NOW).json<{
        items: {
          content_text: string
          _entente: {
            day: string
            sources: number
            votes: Record<string, number>
            evidence: { source: string; article_direction: string }[]
          }
        }[]
      }>('/feeds/pairs/united-states--venezuela.json')
      const item = feed.items.find((i) => i._entente.day === '2019-01-23')!
      expect(item._entente.sources).toBe(2)
      expect(Object.keys(item._entente.votes).sort()).toEqual(['deteriorating', 'improving'])
      const byOutlet = Object.fromEntries(item._entente.evidence.map((e) => [e.source, e.article_direction]))
      expect(byOutlet).toEqual({ 'The Guardian': 'deteriorating', 'Caracas Desk': 'improving' })
      expect(item.content_text).toMatch(/Stories voted: deteriorating \d\.\d\d · improving \d\.\d\d\./)
    } finally {
      await t.cleanup()
    }
  })
})
