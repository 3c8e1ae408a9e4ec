// The filters a shift listing takes (feeds and /api/shifts.csv alike), turned from validated query values into a
// store filter. Text filters match the shift's title as feeds print it ("Hamas–Iran: improving") and its
// evidence: each quote and the name of its source.
import type { Gazetteer } from '../analyze/mentions/gazetteer.ts'
import type { ShiftFilter } from '../store/list-shifts.ts'
import type { Direction, EventType, Shift } from '../types.ts'
import {
  actorParam,
  afterParam,
  beforeParam,
  checkDayRange,
  directionParam,
  eventTypeParam,
  filteroutParam,
  filterParam,
  limitParam,
  minConfidenceParam,
  pairParam,
  sinceParam,
  untilParam,
} from './common-params.ts'
import { foldCase, passesTextFilter, type TextFilter } from './text-filter.ts'

export const FEED_PAGE_SIZE = 50

// Declaration order is the order canonical queries (self links) are written in; the first three keep the order
// feeds have always linked with, so existing subscriptions keep their self link.
const SHIFT_FILTERS = [eventTypeParam, sinceParam, untilParam, filterParam, filteroutParam] as const
const PAGING = [limitParam(FEED_PAGE_SIZE, 500), beforeParam, afterParam] as const

/** The global feed's parameters; a pair's or an actor's feed is already about its actor(s) and takes no `actor`. */
export const GLOBAL_FEED_PARAMS = [directionParam, minConfidenceParam, actorParam, ...SHIFT_FILTERS, ...PAGING] as const
export const SCOPED_FEED_PARAMS = [directionParam, minConfidenceParam, ...SHIFT_FILTERS, ...PAGING] as const
/** /api/shifts.csv: the same filters, any pair or actor, and every matching row unless limited. */
export const SHIFT_EXPORT_PARAMS = [
  pairParam,
  actorParam,
  directionParam,
  minConfidenceParam,
  ...SHIFT_FILTERS,
  limitParam(null, 1_000_000),
] as const

export interface ShiftQueryValues {
  direction?: Direction
  min_confidence?: number
  event_type?: EventType[]
  since?: string
  until?: string
  filter?: string[]
  filterout?: string[]
  actor?: string
  pair?: string
}

/** The text a filter reads for a shift: its title, its quotes and their sources, folded once. */
export function shiftText(s: Shift, nameOf: (id: string) => string): string {
  return foldCase(
    [`${nameOf(s.a)}–${nameOf(s.b)}: ${s.direction}`, ...s.evidence.flatMap((e) => [e.text, e.source])].join('\n'),
  )
}

export function shiftFilter(v: ShiftQueryValues, gazetteer: Gazetteer): Omit<ShiftFilter, 'limit'> {
  checkDayRange(v)
  const text: TextFilter = {
    ...(v.filter ? { filter: v.filter } : {}),
    ...(v.filterout ? { filterout: v.filterout } : {}),
  }
  const nameOf = (id: string) => gazetteer.name(id)
  return {
    ...(v.pair ? { pair: v.pair } : {}),
    ...(v.actor ? { actor: v.actor } : {}),
    ...(v.direction ? { direction: v.direction } : {}),
    ...(v.min_confidence !== undefined ? { minConfidence: v.min_confidence } : {}),
    ...(v.since ? { since: v.since } : {}),
    ...(v.until ? { until: v.until } : {}),
    ...(v.event_type ? { eventTypes: v.event_type } : {}),
    ...(text.filter || text.filterout ? { match: (s: Shift) => passesTextFilter(shiftText(s, nameOf), text) } : {}),
  }
}

/** "frozen, confidence ≥ 0.6, ASSAULT, since 2026-01-01, containing “talks”": what a filtered feed's title adds. */
export function describeFilter(v: ShiftQueryValues, gazetteer: Gazetteer): string {
  return [
    v.direction,
    v.min_confidence !== undefined ? `confidence ≥ ${v.min_confidence}` : null,
    v.actor ? gazetteer.name(v.actor) : null,
    v.event_type?.join(' or '),
    v.since ? `since ${v.since}` : null,
    v.until ? `until ${v.until}` : null,
    v.filter ? `containing “${v.filter.join('” or “')}”` : null,
    v.filterout ? `without “${v.filterout.join('” or “')}”` : null,
  ]
    .filter(Boolean)
    .join(', ')
}
