// JSON API for dashboards: /api/actors, /api/pairs, /api/pairs/{a}--{b}, /healthz, POST /admin/poll and
// POST /admin/reanalyze.
import type { Context, Hono } from 'hono'
import { directionAsOf, evidenceAge, levelAsOf, utcDay } from '../aggregate/level-now.ts'
import { evidenceJson } from '../publish/evidence-json.ts'
import { correctionNote } from '../publish/feed-page.ts'
import { actorView } from '../publish/actor-view.ts'
import type { PairRow } from '../store/schema.ts'
import { getPair, lastPoll, listPairs, pairShifts } from '../store/read-queries.ts'
import { readingTime, type AppDeps } from './app-deps.ts'
import { respond } from './conditional.ts'
import { jsonError } from './errors.ts'
import { publishable } from '../publish/escape.ts'
import { digestSources, sourceView } from '../publish/source-view.ts'
import { listSources } from '../store/sources-store.ts'
import { pollSummaryJson } from '../poll/poll-summary-json.ts'
import { reanalysisJson } from '../poll/reanalysis-json.ts'
import { cacheControl, dataVersion } from './feed-routes.ts'
import { checkDayRange, sinceParam, untilParam } from './common-params.ts'
import { parsePair } from './params.ts'
import { pairFilter, PAIR_LIST_PARAMS } from './pair-query.ts'
import { param, queryString, readQuery } from './query-params.ts'

/** The pair's series and shifts between two days; at most the latest 365 days with shifts either way. */
export const PAIR_DETAIL_PARAMS = [
  param({ ...sinceParam, description: `${sinceParam.description}: the series and shifts from this day` }),
  param({ ...untilParam, description: `${untilParam.description}: the series and shifts up to this day` }),
] as const

const JSON_TYPE = 'application/json; charset=utf-8'

/** Compares without leaking, through timing, how much of the token was right. */
function sameSecret(given: string, expected: string): boolean {
  let diff = given.length ^ expected.length
  for (let i = 0; i < expected.length; i++) diff |= (given.charCodeAt(i) || 0) ^ expected.charCodeAt(i)
  return diff === 0
}

/** A pair as of the day of reading: its level decayed to that day, its direction stable once its evidence aged out. */
function pairJson(deps: AppDeps, p: PairRow, asOf: string) {
  return {
    pair: p.pair,
    a: p.a,
    b: p.b,
    a_name: deps.gazetteer.name(p.a),
    b_name: deps.gazetteer.name(p.b),
    direction: directionAsOf(p, asOf),
    level: levelAsOf(p, asOf),
    as_of: asOf,
    last_evidence: { day: p.last_day, age_days: evidenceAge(p.last_day, asOf) },
    at_last_shift: { direction: p.direction, level: p.level },
    last_shift: { day: p.last_day, direction: p.last_direction, score: p.last_score },
    shifts: p.shift_count,
    signals: p.signal_count,
    updated: p.updated,
    url: `${deps.baseUrl}/pairs/${p.pair}`,
    feeds: {
      atom: `${deps.baseUrl}/feeds/pairs/${p.pair}.atom`,
      rss: `${deps.baseUrl}/feeds/pairs/${p.pair}.rss`,
      json: `${deps.baseUrl}/feeds/pairs/${p.pair}.json`,
    },
  }
}

/** `key` names the answer from validated parameters only, so unknown query parameters cannot multiply renderings. */
async function versioned(c: Context, deps: AppDeps, key: string, render: () => Promise<unknown>): Promise<Response> {
  const version = await dataVersion(deps)
  const rep = await deps.cache.get(version, `api ${key}`, async () => JSON.stringify(await render(), publishable))
  return respond(c, rep, JSON_TYPE, cacheControl(deps))
}

export function apiRoutes(app: Hono, deps: AppDeps): void {
  app.get('/api/actors', (c) => {
    readQuery(new URL(c.req.url).searchParams, [], deps, '/api/actors')
    return versioned(c, deps, '/api/actors', async () => ({
      actors: [...deps.gazetteer.actors.values()].map(actorView),
    }))
  })

  app.get('/api/pairs', (c) => {
    const { values, canonical } = readQuery(new URL(c.req.url).searchParams, PAIR_LIST_PARAMS, deps, '/api/pairs')
    const filter = pairFilter(values)
    const limit = values.limit ?? 100
    const offset = values.offset ?? 0
    return versioned(c, deps, `/api/pairs${queryString(canonical)}`, async () => {
      const asOfDay = utcDay(readingTime(deps))
      const { pairs, total } = await listPairs(deps.db, { ...filter, limit, offset, asOfDay })
      return { total, limit, offset, pairs: pairs.map((p) => pairJson(deps, p, asOfDay)) }
    })
  })

  app.get('/api/pairs/:pair', async (c) => {
    const name = c.req.param('pair')
    const { pair } = parsePair(deps.gazetteer, name)
    if (pair !== name) return c.redirect(`/api/pairs/${pair}${new URL(c.req.url).search}`, 301)
    const { values, canonical } = readQuery(
      new URL(c.req.url).searchParams,
      PAIR_DETAIL_PARAMS,
      deps,
      '/api/pairs/{pair}',
    )
    checkDayRange(values)
    const row = await getPair(deps.db, pair)
    if (!row) return jsonError(c, 404, `no shifts recorded for ${pair} yet`)
    return versioned(c, deps, `/api/pairs/${pair}${queryString(canonical)}`, async () => {
      const now = readingTime(deps)
      const shifts = await pairShifts(deps.db, pair, 365, values, now)
      return {
        ...pairJson(deps, row, utcDay(now)),
        series: shifts
          .filter((s) => !s.withdrawnAt)
          .map((s) => ({ day: s.day, level: s.levelAfter, direction: s.direction, score: s.score })),
        shifts: shifts.reverse().map((s) => ({
          id: s.id,
          day: s.day,
          direction: s.direction,
          score: s.score,
          confidence: s.confidence,
          level_before: s.levelBefore,
          level_after: s.levelAfter,
          sources: s.sources,
          independent_sources: s.independentSources,
          signals: s.signals,
          votes: s.votes,
          evidence: s.evidence.map(evidenceJson),
          published: s.published,
          updated: s.updated,
          correction: s.correction
            ? {
                previous_direction: s.correction.previousDirection,
                corrected_at: s.correction.at,
                reason: s.correction.reason,
                note: correctionNote(s),
              }
            : null,
          withdrawn: !!s.withdrawnAt,
        })),
      }
    })
  })

  app.get('/healthz', async (c) => {
    c.header('Cache-Control', 'no-store')
    try {
      const [last, rows] = await Promise.all([lastPoll(deps.db), listSources(deps.db)])
      const d = digestSources(rows.map((r) => sourceView(r, deps.pollMinutes)))
      // Counts only: each source's own counts, outcome and error are at /api/sources.
      return c.json({
        status: 'ok',
        database: 'ok',
        last_poll: last,
        poll_minutes: deps.pollMinutes,
        sources: { total: d.total, ok: d.ok, failing: d.failing, never_read: d.total - d.polled },
        items: d.items,
        signals: d.signals,
        languages: d.languages,
        unanalysed: d.unanalysed,
      })
    } catch {
      return c.json({ status: 'error', database: 'unreachable' }, 503)
    }
  })

  /** The admin token check shared by admin routes: 403 when disabled, 401 with a challenge when wrong. */
  const refused = (c: Context): Response | null => {
    if (!deps.adminToken) return jsonError(c, 403, 'admin routes are disabled: set ENTENTE_ADMIN_TOKEN to enable them')
    const auth = c.req.header('authorization') ?? ''
    if (sameSecret(auth, `Bearer ${deps.adminToken}`)) return null
    c.header('WWW-Authenticate', 'Bearer realm="entente-admin"')
    return jsonError(c, 401, 'missing or wrong bearer token')
  }

  let running: Promise<unknown> | null = null
  app.post('/admin/poll', async (c) => {
    const no = refused(c)
    if (no) return no
    if (!deps.poll) return jsonError(c, 501, 'polling is not available in this deployment')
    if (running) return jsonError(c, 409, 'a poll is already running')
    const p = deps.poll()
    running = p
    try {
      const summary = await p
      c.header('Cache-Control', 'no-store')
      return c.json(pollSummaryJson(summary))
    } finally {
      running = null
    }
  })

  let reanalysing: Promise<unknown> | null = null
  app.post('/admin/reanalyze', async (c) => {
    const no = refused(c)
    if (no) return no
    if (!deps.reanalyze) return jsonError(c, 501, 're-analysis is not available in this deployment')
    const since = c.req.query('since') || null
    if (
      since !== null &&
      (since.length !== 10 || !/^\d{4}-\d{2}-\d{2}$/.test(since) || Number.isNaN(Date.parse(since)))
    )
      return jsonError(c, 400, 'since must be a day, YYYY-MM-DD')
    if (reanalysing) return jsonError(c, 409, 'a re-analysis is already running')
    const p = deps.reanalyze(since)
    reanalysing = p
    try {
      const run = await p
      c.header('Cache-Control', 'no-store')
      // 202 while items remain: queued on Workers, or left for the next call when one request could not do them all.
      return c.json(reanalysisJson(run), run.queued || run.remaining > 0 ? 202 : 200)
    } finally {
      reanalysing = null
    }
  })
}
