// /feeds/shifts.{atom,rss,json}, /feeds/corrections.{…}, /feeds/pairs/{a}--{b}.{…}, /feeds/actors/{id}.{…}
import type { Context, Hono } from 'hono'
import { renderAtom } from '../publish/render-atom.ts'
import { renderJsonFeed } from '../publish/render-json-feed.ts'
import { renderRss } from '../publish/render-rss.ts'
import { directionAsOf, evidenceAge, levelAsOf, utcDay } from '../aggregate/level-now.ts'
import { lastEvidenceText, shiftView, tagAuthority, type FeedPage, type LastEvidence } from '../publish/feed-page.ts'
import { feedPath } from '../publish/feed-urls.ts'
import { changedAt, createdAt } from '../store/meta.ts'
import { listShifts } from '../store/list-shifts.ts'
import { getPair, lastEvidenceDay } from '../store/read-queries.ts'
import { readingTime, type AppDeps } from './app-deps.ts'
import { respond } from './conditional.ts'
import { HttpError } from './errors.ts'
import { cursorOf, parseActor, parsePair } from './params.ts'
import { queryString, readQuery } from './query-params.ts'
import {
  describeFilter,
  FEED_PAGE_SIZE,
  GLOBAL_FEED_PARAMS,
  SCOPED_FEED_PARAMS,
  shiftFilter,
  type ShiftQueryValues,
} from './shift-query.ts'
const FORMATS = {
  atom: 'application/atom+xml; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
} as const
type Format = keyof typeof FORMATS

function splitFile(file: string): { name: string; format: Format } {
  const m = /^(.+)\.(atom|rss|json)$/.exec(file)
  if (!m) throw new HttpError(404, 'feeds end in .atom, .rss or .json')
  return { name: m[1]!, format: m[2] as Format }
}

/**
 * What every rendering is versioned by: the data version, or the start of the day of reading if later, because
 * levels decay and evidence ages with the calendar: a page read tomorrow says something else over the same data.
 */
export async function dataVersion(deps: AppDeps): Promise<string> {
  const today = `${utcDay(readingTime(deps))}T00:00:00.000Z`
  const at = (await changedAt(deps.db)) ?? (await createdAt(deps.db)) ?? '2026-01-01T00:00:00Z'
  return at > today ? at : today
}

export function cacheControl(deps: AppDeps): string {
  const maxAge = deps.pollMinutes > 0 ? Math.max(60, Math.min(900, Math.round((deps.pollMinutes * 60) / 3))) : 300
  return `public, max-age=${maxAge}, stale-while-revalidate=${maxAge * 2}`
}

interface Scope {
  kind: 'global' | 'pair' | 'actor' | 'corrections'
  key: string
  title: string
  alternate: string
  filter: { pair?: string; actor?: string; corrections?: boolean }
  path: (format: Format) => string
}

/** How old the newest evidence a feed covers is, as of the day of reading; for a pair, its level then too. */
async function lastEvidence(deps: AppDeps, scope: Scope): Promise<LastEvidence | null> {
  if (scope.kind === 'corrections') return null
  const asOf = utcDay(readingTime(deps))
  if (scope.filter.pair) {
    const row = await getPair(deps.db, scope.filter.pair)
    return row
      ? {
          day: row.last_day,
          ageDays: evidenceAge(row.last_day, asOf),
          asOf,
          levelNow: levelAsOf(row, asOf),
          directionNow: directionAsOf(row, asOf),
        }
      : null
  }
  const day = await lastEvidenceDay(deps.db, scope.filter.actor ? { actor: scope.filter.actor } : {})
  return day ? { day, ageDays: evidenceAge(day, asOf), asOf } : null
}

function describeScope(scope: Scope): string {
  if (scope.kind === 'corrections') {
    return 'Shifts corrected (their direction changed after new evidence or re-analysis) or withdrawn (their evidence is gone) in the last 30 days, each an update of its own entry.'
  }
  return `How the alignment ${scope.kind === 'global' ? 'between actors' : scope.kind === 'pair' ? 'of this pair' : 'of this actor with others'} is shifting, day by day, with the quoted evidence.`
}

async function serveFeed(c: Context, deps: AppDeps, scope: Scope, format: Format): Promise<Response> {
  const params = scope.kind === 'global' || scope.kind === 'corrections' ? GLOBAL_FEED_PARAMS : SCOPED_FEED_PARAMS
  const { values, canonical } = readQuery(new URL(c.req.url).searchParams, params, deps, scope.path(format))
  const v = values as ShiftQueryValues & typeof values
  const { before, after } = values
  if (before && after) throw new HttpError(400, 'use either before or after, not both')
  const filter = { ...shiftFilter(v, deps.gazetteer), ...scope.filter, now: readingTime(deps) }
  // The rendering, its cache key and its self link depend on the validated parameters only, written one way.
  const filters = new URLSearchParams([...canonical].filter(([k]) => k !== 'before' && k !== 'after'))
  const filterQs = queryString(filters)
  const selfQuery = queryString(canonical)
  const version = await dataVersion(deps)
  const rep = await deps.cache.get(version, `${format} ${scope.path(format)}${selfQuery}`, async () => {
    const limit = values.limit ?? FEED_PAGE_SIZE
    const { shifts, older, newer } = await listShifts(deps.db, {
      ...filter,
      ...(before ? { before } : {}),
      ...(after ? { after } : {}),
      limit,
    })
    const link = (fmt: Format, extra?: Record<string, string>) => {
      const p = new URLSearchParams(filters)
      for (const [k, val] of Object.entries(extra ?? {})) p.set(k, val)
      return `${deps.baseUrl}${scope.path(fmt)}${queryString(p)}`
    }
    const describe = describeFilter(
      scope.kind === 'global' || scope.kind === 'corrections' ? v : { ...v, actor: undefined },
      deps.gazetteer,
    )
    const evidence = await lastEvidence(deps, scope)
    const page: FeedPage = {
      id: `tag:${tagAuthority(deps.baseUrl)},2026:feed/${scope.key}${filterQs}`,
      title: `Entente — ${scope.title}${describe ? ` (${describe})` : ''}`,
      description: evidence ? `${describeScope(scope)} ${lastEvidenceText(evidence)}` : describeScope(scope),
      lastEvidence: evidence,
      links: {
        self: `${deps.baseUrl}${scope.path(format)}${selfQuery}`,
        alternate: scope.alternate,
        first: link(format),
        next: older ? link(format, { before: cursorOf({ day: older.day, pair: older.id.split('/')[0]! }) }) : null,
        previous: newer ? link(format, { after: cursorOf({ day: newer.day, pair: newer.id.split('/')[0]! }) }) : null,
        atom: link('atom'),
        rss: link('rss'),
        json: link('json'),
        // Only a plain feed is a topic the hub hears about: a filtered or later page would never be pushed.
        hub: deps.websubHub && !selfQuery ? deps.websubHub : null,
      },
      updated: version,
      baseUrl: deps.baseUrl,
      shifts: shifts.map((s) => shiftView(s, deps.baseUrl, (id) => deps.gazetteer.name(id))),
    }
    if (format === 'atom') return renderAtom(page)
    if (format === 'rss') return renderRss(page, deps.pollMinutes || 60)
    return renderJsonFeed(page)
  })
  return respond(c, rep, FORMATS[format], cacheControl(deps))
}

export function feedRoutes(app: Hono, deps: AppDeps): void {
  app.get('/feeds/:file', async (c) => {
    const { name, format } = splitFile(c.req.param('file'))
    if (name === 'corrections') {
      return serveFeed(
        c,
        deps,
        {
          kind: 'corrections',
          key: 'corrections',
          title: 'corrections',
          alternate: `${deps.baseUrl}/corrections`,
          filter: { corrections: true },
          path: (f) => feedPath({ kind: 'corrections' }, f),
        },
        format,
      )
    }
    if (name !== 'shifts')
      throw new HttpError(
        404,
        'the global feeds are /feeds/shifts.{atom,rss,json} and /feeds/corrections.{atom,rss,json}',
      )
    return serveFeed(
      c,
      deps,
      {
        kind: 'global',
        key: 'shifts',
        title: 'alignment shifts',
        alternate: `${deps.baseUrl}/`,
        filter: {},
        path: (f) => feedPath({ kind: 'global' }, f),
      },
      format,
    )
  })
  app.get('/feeds/pairs/:file', async (c) => {
    const { name, format } = splitFile(c.req.param('file'))
    const { pair, a, b } = parsePair(deps.gazetteer, name)
    if (pair !== name) return c.redirect(`/feeds/pairs/${pair}.${format}${new URL(c.req.url).search}`, 301)
    const title = `${deps.gazetteer.name(a)}–${deps.gazetteer.name(b)}`
    return serveFeed(
      c,
      deps,
      {
        kind: 'pair',
        key: `pairs/${pair}`,
        title,
        alternate: `${deps.baseUrl}/pairs/${pair}`,
        filter: { pair },
        path: (f) => feedPath({ kind: 'pair', pair }, f),
      },
      format,
    )
  })
  app.get('/feeds/actors/:file', async (c) => {
    const { name, format } = splitFile(c.req.param('file'))
    const id = parseActor(deps.gazetteer, name, 'actor id')!
    return serveFeed(
      c,
      deps,
      {
        kind: 'actor',
        key: `actors/${id}`,
        title: deps.gazetteer.name(id),
        alternate: `${deps.baseUrl}/actors/${id}`,
        filter: { actor: id },
        path: (f) => feedPath({ kind: 'actor', id }, f),
      },
      format,
    )
  })
}
