// Server-rendered pages: the home page of recent movers, a page per pair (the one every feed entry links to),
// a page per actor and the corrections of the last 30 days. Plain HTML and inline SVG, all source text escaped, no
// scripts. Levels and directions are as of the day of reading, and every page says how old its last evidence is.
import type { Context, Hono } from 'hono'
import { ageText, directionAsOf, evidenceAge, levelAsOf, utcDay, type PairState } from '../aggregate/level-now.ts'
import { articleNote, copiesNote, evidenceNote, votesNote } from '../publish/evidence-json.ts'
import { correctionNote } from '../publish/feed-page.ts'
import { html, raw } from 'hono/html'
import { levelFigure, sparkline } from '../publish/level-chart.ts'
import { egoNetwork, pairNetwork, type NetworkPair } from '../publish/network-svg.ts'
import { digestSources, sourceView } from '../publish/source-view.ts'
import type { PairRow } from '../store/schema.ts'
import { listShifts } from '../store/list-shifts.ts'
import { activePairs, getPair, levelPoints, listPairs, pairShifts } from '../store/read-queries.ts'
import { listSources } from '../store/sources-store.ts'
import type { Shift } from '../types.ts'
import { readingTime, type AppDeps } from './app-deps.ts'
import { fnv1a, respond } from './conditional.ts'
import { HttpError } from './errors.ts'
import { cacheControl, dataVersion } from './feed-routes.ts'
import { emptyHomeStatus } from './empty-home.ts'
import { feedLinks, layout, legend } from './page-layout.ts'
import { parseActor, parsePair } from './params.ts'

/** Days of evidence printed on a pair page; the chart shows up to CHART_DAYS. */
const EVIDENCE_DAYS = 100
const CHART_DAYS = 1000

const signed = (x: number) => (x > 0 ? `+${x.toFixed(2)}` : x < 0 ? `−${Math.abs(x).toFixed(2)}` : '0.00')

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`

/** "3 sources (1 independent report)": outlets, and the independent reports among them when fewer. */
const sourcesText = (s: Shift) =>
  `${plural(s.sources, 'source')}${s.independentSources !== s.sources ? ` (${plural(s.independentSources, 'independent report')})` : ''}`

/** Recent and strong first: the last shift's day, then the size of its move. */
function byMovement(rows: PairRow[]): PairRow[] {
  return [...rows].sort(
    (x, y) => y.last_day.localeCompare(x.last_day) || Math.abs(y.last_score) - Math.abs(x.last_score),
  )
}

/** One day of a pair page: its direction (or that it was withdrawn), any correction, how its stories voted, its quotes. */
function shiftSection(s: Shift) {
  const note = correctionNote(s)
  const heading = s.withdrawnAt
    ? html`<span class="withdrawn">withdrawn</span>`
    : html`<span class="${s.direction}">${s.direction}</span>`
  const votes = Object.keys(s.votes).length > 1 ? html` · stories voted ${votesNote(s.votes)}` : ''
  return html`<section id="${s.day}" aria-labelledby="h-${s.day}"><h3 id="h-${s.day}"><time datetime="${s.day}">${s.day}</time>: ${heading}${s.correction && !s.withdrawnAt ? html` <span class="corrected">(corrected, was ${s.correction.previousDirection})</span>` : ''}</h3>
${note ? html`<p class="correction">${note}</p>` : ''}${s.withdrawnAt ? '' : html`<p>Score ${signed(s.score)} · level ${signed(s.levelBefore)} → ${signed(s.levelAfter)} · ${sourcesText(s)} · confidence ${s.confidence.toFixed(2)}${votes}</p>`}
${s.evidence.map((e) => {
  const extra = [articleNote(e), copiesNote(e)].filter(Boolean).join(' · ')
  return html`<blockquote${e.flags?.includes('historical') ? html` class="historical"` : ''}><p>${e.text}</p><footer>— ${e.url ? html`<a href="${e.url}" rel="nofollow noopener">${e.source}</a>` : e.source}, <time datetime="${e.published}">${e.published.slice(0, 10)}</time>${evidenceNote(e) ? html` <span class="note">${evidenceNote(e)}</span>` : ''}${extra ? html` <span class="copies">${extra}</span>` : ''}</footer></blockquote>`
})}</section>`
}

export function pageRoutes(app: Hono, deps: AppDeps): void {
  const feedsFor = (path: string) => ({
    atom: `${deps.baseUrl}${path}.atom`,
    rss: `${deps.baseUrl}${path}.rss`,
    json: `${deps.baseUrl}${path}.json`,
  })
  const name = (id: string) => deps.gazetteer.name(id)
  const page = async (c: Context, key: string, render: () => Promise<string>) => {
    const rep = await deps.cache.get(await dataVersion(deps), `page ${key}`, render)
    return respond(c, rep, 'text/html; charset=utf-8', cacheControl(deps))
  }
  const pairTable = async (rows: PairRow[], caption: string, other?: string) => {
    const points = await levelPoints(
      deps.db,
      rows.map((r) => r.pair),
    )
    const today = utcDay(readingTime(deps))
    // Explicit roles: on a phone the stylesheet turns each row into a card, and a table whose display changed loses
    // its table semantics in some screen readers unless the roles say them.
    return html`<table class="pairs" role="table"><caption>${caption}</caption>
<thead role="rowgroup"><tr role="row"><th scope="col" role="columnheader">Pair</th><th scope="col" role="columnheader">Direction</th><th scope="col" role="columnheader">Level today</th><th scope="col" role="columnheader">Trend</th><th scope="col" role="columnheader">Last shift</th></tr></thead><tbody role="rowgroup">
${rows.map((p) => {
  const label = other ? name(p.a === other ? p.b : p.a) : `${name(p.a)}–${name(p.b)}`
  const level = levelAsOf(p, today)
  const direction = directionAsOf(p, today)
  return html`<tr role="row"><th scope="row" role="rowheader"><a href="/pairs/${p.pair}">${label}</a></th><td role="cell" class="direction ${direction}">${direction}</td><td role="cell" class="level">${signed(level)}</td><td role="cell" class="trend">${raw(sparkline(points.get(p.pair) ?? [], `${name(p.a)}–${name(p.b)} level over time, today ${signed(level)}`, 120, 28, { day: today, level }))}</td><td role="cell" class="last">last shift <time datetime="${p.last_day}">${p.last_day}</time> <span class="${p.last_direction}">${p.last_direction}</span> <span class="age">(${ageText(evidenceAge(p.last_day, today))})</span></td></tr>`
})}
</tbody></table>`
  }
  // A line of a network: where the pair stands on the day of reading, as in the tables.
  const networkPair = (p: PairState & { pair: string; a: string; b: string }, today: string): NetworkPair => ({
    pair: p.pair,
    a: { id: p.a, name: name(p.a) },
    b: { id: p.b, name: name(p.b) },
    direction: directionAsOf(p, today),
    level: levelAsOf(p, today),
  })

  app.get('/', async (c) => {
    // With no shifts the page explains why from the sources' outcomes, which move with every poll: never cached.
    if (!(await deps.db.kysely.selectFrom('pairs').select('pair').limit(1).executeTakeFirst())) {
      const digest = digestSources((await listSources(deps.db)).map((row) => sourceView(row, deps.pollMinutes)))
      const body = String(
        await layout(
          'Entente — alignment shifts',
          feedsFor('/feeds/shifts'),
          html`<h1>Alignment shifts</h1>
${emptyHomeStatus(digest, deps.pollMinutes)}
${feedLinks(feedsFor('/feeds/shifts'))}`,
        ),
      )
      return respond(
        c,
        {
          body,
          etag: `"${fnv1a(body)}-${body.length.toString(16)}"`,
          lastModified: new Date(await dataVersion(deps)).toUTCString(),
        },
        'text/html; charset=utf-8',
        'no-cache',
      )
    }
    return page(c, '/', async () => {
      const [{ pairs }, active] = await Promise.all([
        listPairs(deps.db, { limit: 100, offset: 0 }),
        activePairs(deps.db, 30, 16),
      ])
      const feeds = feedsFor('/feeds/shifts')
      const today = utcDay(readingTime(deps))
      const network = pairNetwork(
        active.pairs.map((p) => networkPair(p, today)),
        `The most active pairs, ${active.from} to ${active.to}`,
        `the most active in the 30 days to ${active.to}`,
      )
      return String(
        await layout(
          'Entente — alignment shifts',
          feeds,
          html`<h1>Alignment shifts</h1>
<p>Pairs of actors whose alignment moved most recently and most strongly, from the news. Levels are as of today: they fade with time since their last evidence. <a href="/corrections">Corrections</a> of the last 30 days.</p>
${pairs[0] ? html`<p class="as-of">Last evidence <time datetime="${pairs[0].last_day}">${pairs[0].last_day}</time>, ${ageText(evidenceAge(pairs[0].last_day, today))}.</p>` : ''}
${feedLinks(feeds)}
${legend({ table: true, network: true })}
${network ? html`<figure class="network-figure">${raw(network)}<figcaption>The ${active.pairs.length} most active pair${active.pairs.length === 1 ? '' : 's'} (most signals) in the 30 days to <time datetime="${active.to}">${active.to}</time>, the latest day with shifts.</figcaption></figure>` : ''}
${await pairTable(byMovement(pairs).slice(0, 50), 'Recent movers')}`,
        ),
      )
    })
  })

  app.get('/pairs/:pair', async (c) => {
    const requested = c.req.param('pair')
    const { pair, a, b } = parsePair(deps.gazetteer, requested)
    if (pair !== requested) return c.redirect(`/pairs/${pair}`, 301)
    const row = await getPair(deps.db, pair)
    if (!row) throw new HttpError(404, `no shifts recorded for ${name(a)}–${name(b)} yet`)
    return page(c, `/pairs/${pair}`, async () => {
      const now = readingTime(deps)
      const today = utcDay(now)
      const shifts = await pairShifts(deps.db, pair, CHART_DAYS, {}, now)
      const title = `${name(a)}–${name(b)}`
      const feeds = feedsFor(`/feeds/pairs/${pair}`)
      const printed = shifts.slice(-EVIDENCE_DAYS).reverse()
      const levelToday = levelAsOf(row, today)
      const directionToday = directionAsOf(row, today)
      const chart = levelFigure(
        shifts
          .filter((s) => !s.withdrawnAt)
          .map((s) => ({ day: s.day, level: s.levelAfter, direction: s.direction, score: s.score })),
        `${title}: alignment level over time`,
        new Set(printed.filter((s) => !s.withdrawnAt).map((s) => s.day)),
        { day: today, level: levelToday },
      )
      return String(
        await layout(
          `Entente — ${title}`,
          feeds,
          html`<h1>${title}: <span class="${directionToday}">${directionToday}</span></h1>
<p class="as-of">Level today ${signed(levelToday)} (${signed(row.level)} after the last shift) · last evidence <time datetime="${row.last_day}">${row.last_day}</time>, ${ageText(evidenceAge(row.last_day, today))}${directionToday !== row.direction ? ` · ${row.direction} until its evidence aged out` : ''}</p>
<p>${row.shift_count} day${row.shift_count === 1 ? '' : 's'} with shifts · ${row.signal_count} signals · pages for <a href="/actors/${a}">${name(a)}</a> and <a href="/actors/${b}">${name(b)}</a></p>
${feedLinks(feeds)}
${legend({ chart: true, quotes: true })}
<figure>${raw(chart)}<figcaption>Level after each day with shifts${today > row.last_day ? ', then (dashed) its decay to today' : ''}${shifts.length > printed.length ? ` (${shifts.length} days; the latest ${printed.length} link to their evidence below)` : '; each point links to that day’s evidence below'}.</figcaption></figure>
<h2>Shifts and evidence</h2>
${printed.map((s) => shiftSection(s))}
${shifts.length > printed.length ? html`<p class="note">Evidence for the ${shifts.length - printed.length} earlier days is in the pair’s feeds (<a href="${feeds.json}">JSON Feed</a>, paged) and at <a href="/api/pairs/${pair}">/api/pairs/${pair}</a>.</p>` : ''}`,
        ),
      )
    })
  })

  app.get('/actors/:id', async (c) => {
    const id = parseActor(deps.gazetteer, c.req.param('id'), 'actor id')!
    return page(c, `/actors/${id}`, async () => {
      const { pairs } = await listPairs(deps.db, { actor: id, limit: 500, offset: 0 })
      // Strongest movers first: the size of the latest move, recency breaking ties.
      const sorted = [...pairs].sort(
        (x, y) => Math.abs(y.last_score) - Math.abs(x.last_score) || y.last_day.localeCompare(x.last_day),
      )
      // The picture shows where relations stand today: strongest level first, then the most recent, then by id.
      const today = utcDay(readingTime(deps))
      const strongest = pairs
        .map((p) => ({ p, line: networkPair(p, today) }))
        .sort(
          (x, y) =>
            Math.abs(y.line.level) - Math.abs(x.line.level) ||
            y.p.last_day.localeCompare(x.p.last_day) ||
            x.p.pair.localeCompare(y.p.pair),
        )
        .map((e) => e.line)
      const actor = deps.gazetteer.actors.get(id)!
      const feeds = feedsFor(`/feeds/actors/${id}`)
      const network = egoNetwork({ id, name: actor.name }, strongest)
      return String(
        await layout(
          `Entente — ${actor.name}`,
          feeds,
          html`<h1>${actor.name}</h1>
<p>${actor.kind.replace('-', ' ')}${actor.region ? html` · ${actor.region.replace('-', ' ')}` : ''}${actor.parent ? html` · part of <a href="/actors/${deps.gazetteer.rollup(id)}">${name(deps.gazetteer.rollup(id))}</a>` : ''}</p>
${feedLinks(feeds)}
${sorted.length ? legend({ table: true, network: true }) : ''}
${network ? html`<figure class="network-figure">${raw(network)}<figcaption>${actor.name} in the middle, ${pairs.length > 24 ? `the 24 strongest of its ${pairs.length} partners` : `its ${pairs.length} partner${pairs.length === 1 ? '' : 's'}`} around: each line is a pair’s current direction and level.</figcaption></figure>` : ''}
${sorted.length ? await pairTable(sorted, `${actor.name}’s relations, strongest movers first`, id) : html`<p>No shifts recorded for ${actor.name} yet.</p>`}`,
        ),
      )
    })
  })

  app.get('/corrections', (c) =>
    page(c, '/corrections', async () => {
      const { shifts } = await listShifts(deps.db, { corrections: true, limit: 200, now: readingTime(deps) })
      const feeds = feedsFor('/feeds/corrections')
      return String(
        await layout(
          'Entente — corrections',
          feeds,
          html`<h1>Corrections</h1>
<p>Shifts of the last 30 days whose direction changed after new evidence or re-analysis, and shifts withdrawn because their evidence is gone. Each is an update of its own feed entry; a withdrawn shift stays listed for 30 days.</p>
${feedLinks(feeds)}
${
  shifts.length
    ? html`<ul class="corrections">${shifts.map((s) => html`<li><a href="/pairs/${s.pair}#${s.day}">${name(s.a)}–${name(s.b)}, ${s.day}</a>: ${correctionNote(s)}</li>`)}</ul>`
    : html`<p>No corrections in the last 30 days.</p>`
}`,
        ),
      )
    }),
  )

  app.get('/docs/json-feed-extension', (c) =>
    page(c, '/docs/json-feed-extension', async () =>
      String(
        await layout(
          'Entente — the _entente JSON Feed extension',
          null,
          html`<h1>The <code>_entente</code> JSON Feed extension</h1>
<p>Every item of Entente’s JSON feeds (JSON Feed 1.1) carries an <code>_entente</code> object:</p>
<dl>${[
            ['about', 'the URL of this page'],
            ['pair, a, b', 'the pair id (sorted actor ids joined by "--") and the two actor ids (see /api/actors)'],
            ['day', 'the UTC day of the shift (YYYY-MM-DD); the item id is stable for a pair and day'],
            ['direction', 'improving, deteriorating, frozen or stable'],
            ['score', 'the day’s score in [−1, 1]: cooperation positive, conflict negative'],
            ['level_before, level_after', 'the pair’s alignment level in [−1, 1] before and after this day'],
            ['confidence', 'in [0, 1], rising with independent reports, not with copies of one story'],
            [
              'sources, signals',
              'the number of outlets that carried the day’s evidence and of sentence-level signals merged into the shift',
            ],
            [
              'independent_sources',
              'independent reports among those outlets: near-duplicate texts (one syndicated story) and one outlet’s articles count once',
            ],
            [
              'votes',
              'the weight each direction received from the day’s articles, each story counted once: why the day went the way it did',
            ],
            [
              'evidence',
              'the quoted sentences, strongest first: {text, url, source, published, direction, event_type, flags, date_inferred, article_direction, story, copies} (see below)',
            ],
            [
              'correction',
              'null, or {previous_direction, corrected_at, reason, note} when the published direction changed after new evidence or re-analysis ("new-evidence" or "reanalysis"); previous_direction is "withdrawn" for a shift restored after a withdrawal',
            ],
            [
              'withdrawn',
              'true on a tombstone: the shift’s evidence is gone; the entry stays 30 days so that readers who saw it learn it',
            ],
          ].map(([k, v]) => html`<dt><code>${k}</code></dt><dd>${v}</dd>`)}</dl>
<h2>Evidence items</h2>
<dl>${[
            ['text', 'the sentence quoted, at most 400 characters'],
            [
              'url, source, published',
              'the article it comes from (an http(s) link or null), the publisher, and the article’s date',
            ],
            [
              'direction',
              'which way this quote points on its own: improving, deteriorating, frozen or stable (null for quotes stored before it was recorded)',
            ],
            [
              'event_type',
              'the kind of act the quote reports, one of the sixteen PLOVER event types: AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, REQUEST, ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT; an act undone is the type it becomes (lifting sanctions is CONCEDE); null when unknown',
            ],
            [
              'flags',
              'the quote’s mode, any of: negated (a blocked improvement, read as frozen), hypothetical (a possibility or a condition), historical (background, not today’s news), reported (someone’s claim)',
            ],
            [
              'date_inferred',
              'true when the article had no readable date: published is the time it was first seen, and it counts half',
            ],
            [
              'article_direction',
              'what the whole article says of the pair, the verdict `entente analyze` gives for its text (null for quotes stored before it was recorded)',
            ],
            ['story', 'the story the quote belongs to: quotes from copies of one report share it'],
            ['copies', 'other outlets that carried the same sentence: [{source, url, published}]'],
          ].map(([k, v]) => html`<dt><code>${k}</code></dt><dd>${v}</dd>`)}</dl>
<p>The feed-level <code>_entente</code> object has <code>about</code>, <code>id</code> (the feed’s tag URI), <code>updated</code> and <code>last_evidence</code>: <code>{day, age_days, as_of}</code>, how old the newest evidence the feed covers is on the day it was read, with <code>level_now</code> and <code>direction_now</code> in a pair’s feed (the level decayed to that day; the direction is stable once the evidence is older than 45 days).</p>`,
        ),
      ),
    ),
  )
}
