// 4,000 hostile feeds made by seeded mutations of the real publishers' feeds in ../shared/real-feeds, each through
// decode and parse: none may crash (anything but a FeedError), none may run 2 s, and whatever parses must be valid
// output (http(s) links only, no control or bidi characters, bounded fields, ISO dates, well-formed strings).
// The cases run in a child process that reports each one, so a case that hangs is killed and named.
import { describe, expect, it } from 'vitest'
import { hasRealFeeds, REAL_FEEDS } from '../helpers/requirement.ts'
import { runWatched } from '../helpers/run-isolated.ts'

const DIR = REAL_FEEDS
const CASES = 4000
const SEED = 20261126

describe.skipIf(!hasRealFeeds('the fuzzed real feeds'))('fuzzed real feeds through ingest', () => {
  it(`${CASES} seeded mutations: no crash, no hang, valid output`, async () => {
    const run = await runWatched(
      `
      import { readdirSync, readFileSync } from 'node:fs'
      import { decodeBody } from './src/ingest/decode-body.ts'
      import { parseFeed } from './src/ingest/parse-feed.ts'
      import { mutate, prng, trimFeed } from './test/helpers/hostile-mutations.ts'
      const dir = ${JSON.stringify(DIR)}
      // Trimmed as latin1 text, one character per byte, so each file keeps its own encoding.
      const bases = readdirSync(dir).filter((f) => !f.endsWith('.md')).sort().map((f) => [f, Uint8Array.from(trimFeed(readFileSync(dir + f).toString('latin1')), (c) => c.charCodeAt(0))])
      const r = prng(${SEED})
      const BAD = /[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f\\u202a-\\u202e\\u2066-\\u2069\\ufffe\\uffff]|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]/
      const types = [null, 'application/rss+xml', 'application/xml; charset=utf-8', 'text/xml; charset=iso-8859-1', 'application/atom+xml; charset=windows-1251', 'text/html']
      const problems = (feed) => {
        const out = []
        const text = (name, v, max) => { if (typeof v !== 'string') out.push(name + ' not a string'); else { if (BAD.test(v)) out.push(name + ' has a control, bidi or lone surrogate character'); if (v.length > max) out.push(name + ' longer than ' + max) } }
        const link = (name, v) => { if (v !== null && !/^https?:\\/\\//.test(v)) out.push(name + ' is not http(s): ' + String(v).slice(0, 80)) }
        text('feed title', feed.title, 1000)
        if (!feed.title) out.push('empty feed title')
        link('site url', feed.siteUrl)
        if (!['atom', 'rss2', 'rss1', 'rss0.9x'].includes(feed.format)) out.push('format ' + feed.format)
        if (feed.items.length > 500) out.push(feed.items.length + ' items')
        for (const it of feed.items) {
          text('guid', it.guid, 1000)
          if (!it.guid) out.push('empty guid')
          text('title', it.title, 1000)
          text('text', it.text, 50000)
          if (!it.text.trim()) out.push('empty text')
          if (it.author !== null) text('author', it.author, 300)
          link('item url', it.url)
          if (it.published !== null && (!/^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$/.test(it.published) && !/^[+-]\\d{6}-/.test(it.published))) out.push('published ' + it.published)
          if (!/^[0-9a-f]{32}$/.test(it.contentHash)) out.push('content hash ' + it.contentHash)
        }
        return out
      }
      for (let i = 0; i < ${CASES}; i++) {
        const [name, base] = bases[Math.floor(r() * bases.length)]
        const bytes = mutate(base, r)
        const type = types[Math.floor(r() * types.length)]
        const started = performance.now()
        let outcome = 'ok'
        let found = []
        try {
          const feed = await parseFeed(decodeBody(bytes, type).text, 'https://publisher.example/feed.xml')
          found = problems(feed)
        } catch (err) {
          if (err?.name !== 'FeedError') found = ['crashed: ' + (err?.stack ?? String(err)).split('\\n').slice(0, 3).join(' | ')]
          outcome = 'refused'
        }
        const ms = Math.round(performance.now() - started)
        console.log(JSON.stringify({ i, name, bytes: bytes.length, ms, outcome, problems: found }))
      }
      `,
      10_000,
    )
    const lines = run.stdout
      .trim()
      .split('\n')
      .filter(Boolean)
      .map(
        (l) =>
          JSON.parse(l) as { i: number; name: string; bytes: number; ms: number; outcome: string; problems: string[] },
      )
    expect(run.finished, `no progress for 10 s after case ${lines.at(-1)?.i ?? 'none'}: the next case hangs`).toBe(true)
    expect(run.stderr).toBe('')
    expect(lines).toHaveLength(CASES)
    expect(lines.filter((l) => l.problems.length).slice(0, 5)).toEqual([])
    expect(lines.filter((l) => l.ms >= 2000)).toEqual([])
    // The mutations must leave enough feeds parseable for the validity checks to mean something.
    expect(lines.filter((l) => l.outcome === 'ok').length).toBeGreaterThan(CASES / 10)
  }, 180_000)
})
