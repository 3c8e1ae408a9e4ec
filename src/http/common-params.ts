// The query parameters feeds, the API and the exports share, each declared once with its description and schema
// (see query-params.ts). Lengths are checked before any pattern runs (see params.ts).
import { DIRECTIONS, EVENT_TYPES, type EventType } from '../types.ts'
import { HttpError } from './errors.ts'
import {
  cursorOf,
  parseActor,
  parseConfidence,
  parseCursor,
  parseDirection,
  parseLimit,
  parseOffset,
  parsePair,
} from './params.ts'
import { param } from './query-params.ts'
import { parseTextFilter } from './text-filter.ts'

export const limitParam = (fallback: number | null, max: number) =>
  param({
    name: 'limit',
    description:
      fallback === null
        ? `at most this many rows (1–${max}); all when left out`
        : `at most this many entries (1–${max}, default ${fallback})`,
    schema: { type: 'integer', minimum: 1, maximum: max, ...(fallback === null ? {} : { default: fallback }) },
    parse: (raw) => parseLimit(raw, fallback ?? max, max),
    ...(fallback === null ? {} : { implied: String(fallback) }),
  })

export const offsetParam = param({
  name: 'offset',
  description: 'skip this many rows first (0–1000000)',
  schema: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 },
  parse: (raw) => parseOffset(raw),
  implied: '0',
})

export const directionParam = param({
  name: 'direction',
  description: 'only this direction',
  schema: { type: 'string', enum: [...DIRECTIONS] },
  parse: (raw) => parseDirection(raw)!,
})

export const minConfidenceParam = param({
  name: 'min_confidence',
  description: 'only shifts at least this confident (0–1)',
  schema: { type: 'number', minimum: 0, maximum: 1 },
  parse: (raw) => parseConfidence(raw)!,
})

export const actorParam = param({
  name: 'actor',
  description: 'only pairs that include this actor (an id from /api/actors)',
  schema: { type: 'string', pattern: '^[a-z0-9-]+$', maxLength: 80 },
  parse: (raw, ctx) => parseActor(ctx.gazetteer, raw)!,
})

export const pairParam = param({
  name: 'pair',
  description: 'only this pair: two actor ids joined by "--", in either order',
  schema: { type: 'string', pattern: '^[a-z0-9-]+--[a-z0-9-]+$', maxLength: 200 },
  parse: (raw, ctx) => {
    try {
      return parsePair(ctx.gazetteer, raw).pair
    } catch (err) {
      // An unknown actor in a filter is a bad request, not a missing page.
      throw err instanceof HttpError ? new HttpError(400, err.message) : err
    }
  },
})

/** A calendar day, checked to exist: 2026-02-30 and 2018-13-01 are refused. */
export function parseDay(raw: string, name: string): string {
  const m = raw.length === 10 ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw) : null
  const t = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN
  if (!m || Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== raw)
    throw new HttpError(400, `${name} must be a date written YYYY-MM-DD`)
  return raw
}

export const sinceParam = param({
  name: 'since',
  description: 'only from this UTC day on (YYYY-MM-DD, inclusive)',
  schema: { type: 'string', format: 'date' },
  parse: (raw) => parseDay(raw, 'since'),
})

export const untilParam = param({
  name: 'until',
  description: 'only up to this UTC day (YYYY-MM-DD, inclusive)',
  schema: { type: 'string', format: 'date' },
  parse: (raw) => parseDay(raw, 'until'),
})

/** Refuses a range that ends before it starts. */
export function checkDayRange(v: { since?: string; until?: string }): void {
  if (v.since && v.until && v.since > v.until)
    throw new HttpError(400, `since (${v.since}) is after until (${v.until})`)
}

export const eventTypeParam = param({
  name: 'event_type',
  description: `only shifts with a signal of one of these PLOVER event types, comma-separated, any case: ${EVENT_TYPES.join(', ')}`,
  schema: {
    type: 'string',
    pattern: `^(?:${EVENT_TYPES.join('|')})(?:,(?:${EVENT_TYPES.join('|')}))*$`,
    maxLength: 200,
  },
  parse: (raw): EventType[] => {
    if (raw.length > 200) throw new HttpError(400, 'event_type is at most 200 characters')
    const types = new Set<EventType>()
    for (const part of raw.split(',')) {
      const t = part.trim().toUpperCase()
      if (!(EVENT_TYPES as readonly string[]).includes(t))
        throw new HttpError(400, `event_type must be PLOVER event types separated by commas: ${EVENT_TYPES.join(', ')}`)
      types.add(t as EventType)
    }
    // One order, so every spelling of the same set is one feed.
    return EVENT_TYPES.filter((t) => types.has(t))
  },
  format: (types) => types.join(','),
})

const textFilterParam = (name: 'filter' | 'filterout', what: string) =>
  param({
    name,
    description: `${what} shifts whose title or evidence contains this text (case-insensitive, plain text, | between alternatives)`,
    schema: { type: 'string', maxLength: 200 },
    parse: (raw) => parseTextFilter(raw, name),
    format: (alts) => alts.join('|'),
  })

export const filterParam = textFilterParam('filter', 'only')
export const filteroutParam = textFilterParam('filterout', 'leave out')

const cursorParam = (name: 'before' | 'after', description: string) =>
  param({
    name,
    description,
    schema: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}_[a-z0-9-]+--[a-z0-9-]+$', maxLength: 200 },
    parse: (raw) => parseCursor(raw, name)!,
    format: (c) => cursorOf({ day: c.day, pair: c.id.split('/')[0]! }),
  })

export const beforeParam = cursorParam(
  'before',
  "paging: entries older than this cursor (taken from a feed's next link)",
)
export const afterParam = cursorParam(
  'after',
  "paging: entries newer than this cursor (taken from a feed's previous link)",
)
