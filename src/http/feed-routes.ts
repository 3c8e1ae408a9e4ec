// /feeds/shifts.{atom,rss,json}, /feeds/pairs/{a}--{b}.{…}, /feeds/actors/{id}.{…}
import type { Context, Hono } from 'hono'
import { renderAtom } from '../publish/render-atom.ts'
import { renderJsonFeed } from '../publish/render-json-feed.ts'
import { renderRss } from '../publish/render-rss.ts'
import { directionAsOf, evidenceAge, levelAsOf, utcDay } from '../aggregate/level-now.ts'
import { lastEvidenceText, shiftView, tagAuthority, type FeedPage, type LastEvidence } from '../publish/feed-page.ts'
import { changedAt } from '../store/data-version.ts'
import { getPair, lastEvidenceDay, listShifts, type ShiftFilter } from '../store/read-queries.ts'
import { readingTime, type AppDeps } from './app-deps.ts'
import { respond } from './conditional.ts'
import { HttpError } from './errors.ts'
import { cursorOf, parseActor, parseConfidence, parseCursor, parseDirection, parsePair } from './params.ts'

export const PAGE_SIZE = 50
const FORMATS = { atom: 'application/atom+xml; charset=utf-8', rss: 'application/rss+xml; charset=utf-8', json: 'application/feed+json; charset=utf-8' } as const
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
  const at = (await changedAt(deps.db)) ?? (await createdAt(deps))
  return at > today ? at : today
}

async function createdAt(deps: AppDeps): Promise<string> {
  if (deps.db.readMeta) return deps.db.readMeta('created_at') ?? '2026-01-01T00:00:00Z'
  const created = await deps.db.kysely.selectFrom('meta').select('value').where('key', '=', 'created_at').executeTakeFirst()
  return created?.value ?? '2026-01-01T00:00:00Z'
}

/** How old the newest evidence a feed covers is, as of the day of reading; for a pair, its level then too. */
async function lastEvidence(deps: AppDeps, scope: Scope): Promise<LastEvidence | null> {
  if (scope.kind === 'corrections') return null
  const asOf = utcDay(readingTime(deps))
  if (scope.filter.pair) {
    const row = await getPair(deps.db, scope.filter.pair)
    return row ? { day: row.last_day, ageDays: evidenceAge(row.last_day, asOf), asOf, levelNow: levelAsOf(row, asOf), directionNow: directionAsOf(row, asOf) } : null
  }
  const day = await lastEvidenceDay(deps.db, scope.filter.actor ? { actor: scope.filter.actor } : {})
  return day ? { day, ageDays: evidenceAge(day, asOf), asOf } : null
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
  filter: Omit<ShiftFilter, 'limit' | 'before' | 'after'>
  path: (format: Format) => string
}

async function serveFeed(c: Context, deps: AppDeps, scope: Scope, format: Format): Promise<Response> {
  const q = c.req.query()
  const direction = parseDirection(q.direction)
  const minConfidence = parseConfidence(q.min_confidence)
  const actor = parseActor(deps.gazetteer, q.actor)
  const before = parseCursor(q.before, 'before')
  const after = parseCursor(q.after, 'after')
  if (before && after) throw new HttpError(400, 'use either before or after, not both')
  // The rendering, its cache key and its self link depend on the validated parameters only, written one way:
  // `?utm=1`, `?utm=2`… and `?min_confidence=0.50` are all the same feed, one cache entry, one ETag.
  const filters = new URLSearchParams()
  if (direction) filters.set('direction', direction)
  if (minConfidence !== undefined) filters.set('min_confidence', String(minConfidence))
  if (actor) filters.set('actor', actor)
  const filterQs = filters.toString()
  const page = new URLSearchParams(filters)
  if (before) page.set('before', cursorOf({ day: before.day, pair: before.id.split('/')[0]! }))
  if (after) page.set('after', cursorOf({ day: after.day, pair: after.id.split('/')[0]! }))
  const selfQuery = page.size ? `?${page}` : ''
  const version = await dataVersion(deps)
  const rep = await deps.cache.get(version, `${format} ${scope.path(format)}${selfQuery}`, async () => {
    const filter: ShiftFilter = {
      ...scope.filter,
      ...(direction ? { direction } : {}),
      ...(minConfidence !== undefined ? { minConfidence } : {}),
      ...(actor && !scope.filter.actor ? { actor } : {}),
      ...(before ? { before } : {}),
      ...(after ? { after } : {}),
      limit: PAGE_SIZE,
      now: readingTime(deps),
    }
    const { shifts, hasMore, hasNewer } = await listShifts(deps.db, filter)
    const link = (fmt: Format, extra?: Record<string, string>) => {
      const p = new URLSearchParams(filters)
      for (const [k, v] of Object.entries(extra ?? {})) p.set(k, v)
      const s = p.toString()
      return `${deps.baseUrl}${scope.path(fmt)}${s ? `?${s}` : ''}`
    }
    const first = shifts[0]
    const last = shifts[shifts.length - 1]
    const describe = [direction, minConfidence !== undefined ? `confidence ≥ ${minConfidence}` : null, actor && !scope.filter.actor ? deps.gazetteer.name(actor) : null].filter(Boolean).join(', ')
    const evidence = await lastEvidence(deps, scope)
    const description =
      scope.kind === 'corrections'
        ? 'Shifts corrected (their direction changed after new evidence or re-analysis) or withdrawn (their evidence is gone) in the last 30 days, each an update of its own entry.'
        : `How the alignment ${scope.kind === 'global' ? 'between actors' : scope.kind === 'pair' ? 'of this pair' : 'of this actor with others'} is shifting, day by day, with the quoted evidence.`
    const page: FeedPage = {
      id: `tag:${tagAuthority(deps.baseUrl)},2026:feed/${scope.key}${filterQs ? `?${filterQs}` : ''}`,
      title: `Entente — ${scope.title}${describe ? ` (${describe})` : ''}`,
      description: evidence ? `${description} ${lastEvidenceText(evidence)}` : description,
      lastEvidence: evidence,
      links: {
        self: `${deps.baseUrl}${scope.path(format)}${selfQuery}`,
        alternate: scope.alternate,
        first: link(format),
        next: hasMore && last ? link(format, { before: cursorOf(last) }) : null,
        previous: hasNewer && first ? link(format, { after: cursorOf(first) }) : null,
        atom: link('atom'),
        rss: link('rss'),
        json: link('json'),
      },
      updated: version,
      baseUrl: deps.baseUrl,
      shifts: shifts.map((s) => shiftView(s, deps.baseUrl, (id) => deps.gazetteer.name(id))),
    }
    if (format === 'atom') return renderAtom(page)
    if (format === 'rss') return renderRss(page, deps.pollMinutes || 60)
    return renderJsonFeed(page)
  })
  if (format === 'json') {
    c.header('Access-Control-Allow-Origin', '*')
    c.header('Access-Control-Expose-Headers', 'ETag, Last-Modified')
  }
  return respond(c, rep, FORMATS[format], cacheControl(deps))
}

export function feedRoutes(app: Hono, deps: AppDeps): void {
  app.get('/feeds/:file', async (c) => {
    const { name, format } = splitFile(c.req.param('file'))
    if (name === 'corrections') {
      return serveFeed(c, deps, { kind: 'corrections', key: 'corrections', title: 'corrections', alternate: `${deps.baseUrl}/corrections`, filter: { corrections: true }, path: (f) => `/feeds/corrections.${f}` }, format)
    }
    if (name !== 'shifts') throw new HttpError(404, 'the global feeds are /feeds/shifts.{atom,rss,json} and /feeds/corrections.{atom,rss,json}')
    return serveFeed(c, deps, { kind: 'global', key: 'shifts', title: 'alignment shifts', alternate: `${deps.baseUrl}/`, filter: {}, path: (f) => `/feeds/shifts.${f}` }, format)
  })
  app.get('/feeds/pairs/:file', async (c) => {
    const { name, format } = splitFile(c.req.param('file'))
    const { pair, a, b } = parsePair(deps.gazetteer, name)
    if (pair !== name) return c.redirect(`/feeds/pairs/${pair}.${format}${new URL(c.req.url).search}`, 301)
    const title = `${deps.gazetteer.name(a)}–${deps.gazetteer.name(b)}`
    return serveFeed(c, deps, { kind: 'pair', key: `pairs/${pair}`, title, alternate: `${deps.baseUrl}/pairs/${pair}`, filter: { pair }, path: (f) => `/feeds/pairs/${pair}.${f}` }, format)
  })
  app.get('/feeds/actors/:file', async (c) => {
    const { name, format } = splitFile(c.req.param('file'))
    const id = parseActor(deps.gazetteer, name, 'actor id')!
    return serveFeed(c, deps, { kind: 'actor', key: `actors/${id}`, title: deps.gazetteer.name(id), alternate: `${deps.baseUrl}/actors/${id}`, filter: { actor: id }, path: (f) => `/feeds/actors/${id}.${f}` }, format)
  })
}
