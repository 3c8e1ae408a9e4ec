// /feeds/shifts.{atom,rss,json}, /feeds/pairs/{a}--{b}.{…}, /feeds/actors/{id}.{…}
import type { Context, Hono } from 'hono'
import { renderAtom } from '../publish/render-atom.ts'
import { renderJsonFeed } from '../publish/render-json-feed.ts'
import { renderRss } from '../publish/render-rss.ts'
import { shiftView, tagAuthority, type FeedPage } from '../publish/feed-page.ts'
import { changedAt } from '../store/aggregate-dirty.ts'
import { listShifts, type ShiftFilter } from '../store/read-queries.ts'
import type { AppDeps } from './app-deps.ts'
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

export async function dataVersion(deps: AppDeps): Promise<string> {
  const at = await changedAt(deps.db)
  if (at) return at
  if (deps.db.readMeta) return deps.db.readMeta('created_at') ?? '2026-01-01T00:00:00Z'
  const created = await deps.db.kysely.selectFrom('meta').select('value').where('key', '=', 'created_at').executeTakeFirst()
  return created?.value ?? '2026-01-01T00:00:00Z'
}

export function cacheControl(deps: AppDeps): string {
  const maxAge = deps.pollMinutes > 0 ? Math.max(60, Math.min(900, Math.round((deps.pollMinutes * 60) / 3))) : 300
  return `public, max-age=${maxAge}, stale-while-revalidate=${maxAge * 2}`
}

interface Scope {
  kind: 'global' | 'pair' | 'actor'
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
    const page: FeedPage = {
      id: `tag:${tagAuthority(deps.baseUrl)},2026:feed/${scope.key}${filterQs ? `?${filterQs}` : ''}`,
      title: `Entente — ${scope.title}${describe ? ` (${describe})` : ''}`,
      description: `How the alignment ${scope.kind === 'global' ? 'between actors' : scope.kind === 'pair' ? 'of this pair' : 'of this actor with others'} is shifting, day by day, with the quoted evidence.`,
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
    if (name !== 'shifts') throw new HttpError(404, 'the global feed is /feeds/shifts.{atom,rss,json}')
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
