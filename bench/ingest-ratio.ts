// ingest_ratio: items/s through decode + parse + analyze + store (pollSource with an in-memory fetch, a real
// SQLite file) over items/s of rss-parser's parseString alone, on the same corpus, in the same process.
import { join } from 'node:path'
import Parser from 'rss-parser'
import { analyzeText } from '../src/analyze/analyze-text.ts'
import { decodeBody } from '../src/ingest/decode-body.ts'
import { parseFeed } from '../src/ingest/parse-feed.ts'
import { openSqlite } from '../src/runtime/node/index.ts'
import { pollSource, type PollDeps } from '../src/poll/run-poll.ts'
import { syncSources } from '../src/store/sources-store.ts'
import type { Source } from '../src/types.ts'
import { profiled, progress, round, runPart, silentLog, withTempDir } from './bench-child.ts'
import { feedCorpus, renderFeed, type GeneratedFeed } from './generate-feeds.ts'

export const FEEDS = 240

/** A fetch that answers from memory: the network is not what this figure is about. */
function memoryFetch(bodies: Map<string, GeneratedFeed>): PollDeps['fetch'] {
  return async (input) => {
    const feed = bodies.get(String(input))
    if (!feed) return new Response('not found', { status: 404 })
    return new Response(feed.body, {
      status: 200,
      headers: { 'content-type': feed.contentType, etag: `"${feed.items}"` },
    })
  }
}

async function parserRate(texts: string[], items: number, minMs: number): Promise<number> {
  // The same options as src/ingest/parse-feed.ts, so only the work beyond parsing differs.
  const parser = new Parser({ defaultRSS: 2, xml2js: { strict: true } })
  let rounds = 0
  const t0 = performance.now()
  do {
    for (const t of texts) await parser.parseString(t)
    rounds++
  } while (performance.now() - t0 < minMs)
  return (items * rounds) / ((performance.now() - t0) / 1000)
}

async function pipelineRate(
  dir: string,
  corpus: GeneratedFeed[],
): Promise<{ rate: number; stored: number; signals: number }> {
  const db = await openSqlite(join(dir, 'ingest.db'))
  try {
    const warm = Array.from({ length: 10 }, (_, i) => renderFeed(100_000 + i, 0, 40))
    const all = [...warm, ...corpus]
    const sources: Source[] = all.map((f) => ({ url: `${f.site}/feed`, title: f.title }))
    const bodies = new Map(all.map((f, i) => [sources[i]!.url, f]))
    await syncSources(db, sources)
    const deps: PollDeps = { fetch: memoryFetch(bodies), db, now: () => new Date(), log: silentLog }
    for (const s of sources.slice(0, warm.length)) await pollSource(deps, s, undefined)
    let stored = 0
    let signals = 0
    const t0 = performance.now()
    await profiled('ingest-pipeline', async () => {
      for (const s of sources.slice(warm.length)) {
        const r = await pollSource(deps, s, undefined)
        if (r.outcome !== 'ok') throw new Error(`${s.url}: ${r.outcome} ${r.error ?? ''}`)
        stored += r.newItems
        signals += r.signals
      }
    })
    return { rate: stored / ((performance.now() - t0) / 1000), stored, signals }
  } finally {
    await db.close()
  }
}

/** Where the pipeline's time goes: the same corpus through decode + parseFeed alone, then analyzeText alone. */
async function stages(corpus: GeneratedFeed[]): Promise<{ parseMs: number; analyzeMs: number }> {
  let t0 = performance.now()
  const parsed = []
  for (const f of corpus) parsed.push(await parseFeed(decodeBody(f.body, f.contentType).text, f.site))
  const parseMs = performance.now() - t0
  t0 = performance.now()
  for (const feed of parsed)
    for (const item of feed.items) analyzeText(item.text, { date: (item.published ?? '2025-06-01').slice(0, 10) })
  return { parseMs, analyzeMs: performance.now() - t0 }
}

/**
 * analyze_parse_ratio: the time the engine takes to analyse every item of the corpus over the time the ingest stage
 * takes to parse the corpus's feeds into those items (decode + parseFeed: rss-parser and the item normalisation
 * around it) — the parse and analysis shares of the pipeline, measured in alternating rounds in one process
 * (medians), so the figure holds across machines however fast they are. rss_parse_ms is rss-parser's parseString
 * alone on the same feeds, for reference.
 */
async function analyzeParseRatio(
  corpus: GeneratedFeed[],
  texts: string[],
): Promise<{ ratio: number; analyzeMs: number; parseMs: number; rssMs: number }> {
  const parser = new Parser({ defaultRSS: 2, xml2js: { strict: true } })
  const items: { text: string; date: string }[] = []
  for (const f of corpus)
    for (const item of (await parseFeed(decodeBody(f.body, f.contentType).text, f.site)).items)
      items.push({ text: item.text, date: (item.published ?? '2025-06-01').slice(0, 10) })
  const parseTimes: number[] = []
  const rssTimes: number[] = []
  const analyzeTimes: number[] = []
  for (let round = 0; round < 5; round++) {
    let t0 = performance.now()
    for (const f of corpus) await parseFeed(decodeBody(f.body, f.contentType).text, f.site)
    parseTimes.push(performance.now() - t0)
    t0 = performance.now()
    for (const t of texts) await parser.parseString(t)
    rssTimes.push(performance.now() - t0)
    t0 = performance.now()
    for (const item of items) analyzeText(item.text, { date: item.date })
    analyzeTimes.push(performance.now() - t0)
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
  const parseMs = median(parseTimes)
  const analyzeMs = median(analyzeTimes)
  return { ratio: analyzeMs / parseMs, analyzeMs, parseMs, rssMs: median(rssTimes) }
}

export async function measureIngest(feeds = FEEDS) {
  progress(`generating ${feeds} feeds`)
  const corpus = feedCorpus(feeds)
  const items = corpus.reduce((n, f) => n + f.items, 0)
  const texts = corpus.map((f) => new TextDecoder().decode(f.body))
  progress(`rss-parser alone over ${items} items`)
  await parserRate(texts.slice(0, 10), 0, 0)
  const before = await profiled('ingest-parser', () => parserRate(texts, items, 3000))
  progress('parse + analyze + store (pollSource, SQLite file)')
  const pipe = await withTempDir('ingest', (dir) => pipelineRate(dir, corpus))
  if (pipe.stored < items * 0.99)
    throw new Error(`only ${pipe.stored} of ${items} items were stored: the corpus has duplicates`)
  progress('stages alone: decode + parseFeed, then analyzeText')
  const stage = await stages(corpus)
  progress('rss-parser alone again')
  const after = await parserRate(texts, items, 3000)
  progress('analysis over parsing, alternating rounds')
  const ap = await analyzeParseRatio(corpus, texts)
  const parser = (before + after) / 2
  return {
    feeds,
    items,
    corpus_mib: round(corpus.reduce((n, f) => n + f.body.length, 0) / 2 ** 20, 1),
    signals: pipe.signals,
    parser_items_per_s: Math.round(parser),
    pipeline_items_per_s: Math.round(pipe.rate),
    // Shares of the pipeline's time; the rest is hashing, deduplication and the SQLite writes.
    parse_share: round((stage.parseMs / 1000) * (pipe.rate / items), 2),
    analyze_share: round((stage.analyzeMs / 1000) * (pipe.rate / items), 2),
    ingest_ratio: round(pipe.rate / parser),
    analyze_parse_ratio: round(ap.ratio, 2),
    analyze_ms: Math.round(ap.analyzeMs),
    parse_ms: Math.round(ap.parseMs),
    rss_parse_ms: Math.round(ap.rssMs),
  }
}

runPart(import.meta.url, () => measureIngest(Number(process.env.BENCH_FEEDS) || FEEDS))
