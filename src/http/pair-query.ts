// The filters of pair listings (/api/pairs and /api/pairs.csv), turned from validated values into a store filter.
import type { PairFilter } from '../store/read-queries.ts'
import type { Direction, EventType } from '../types.ts'
import {
  actorParam,
  checkDayRange,
  directionParam,
  eventTypeParam,
  limitParam,
  offsetParam,
  sinceParam,
  untilParam,
} from './common-params.ts'
import { param } from './query-params.ts'

const describeRange = (p: typeof sinceParam | typeof untilParam, what: string) =>
  param({ ...p, description: `${p.description}: ${what}` })

const PAIR_FILTER_PARAMS = [
  actorParam,
  directionParam,
  describeRange(sinceParam, 'pairs with a shift on or after this day'),
  describeRange(untilParam, 'pairs with a shift on or before this day'),
  param({
    ...eventTypeParam,
    description: `pairs with a signal of one of these PLOVER event types (within since–until), comma-separated: ${eventTypeParam.description.split(': ')[1]}`,
  }),
] as const

export const PAIR_LIST_PARAMS = [limitParam(100, 500), offsetParam, ...PAIR_FILTER_PARAMS] as const
export const PAIR_EXPORT_PARAMS = [limitParam(null, 1_000_000), offsetParam, ...PAIR_FILTER_PARAMS] as const

export interface PairQueryValues {
  actor?: string
  direction?: Direction
  since?: string
  until?: string
  event_type?: EventType[]
}

export function pairFilter(v: PairQueryValues): Omit<PairFilter, 'limit' | 'offset'> {
  checkDayRange(v)
  return {
    ...(v.actor ? { actor: v.actor } : {}),
    ...(v.direction ? { direction: v.direction } : {}),
    ...(v.since ? { since: v.since } : {}),
    ...(v.until ? { until: v.until } : {}),
    ...(v.event_type ? { eventTypes: v.event_type } : {}),
  }
}
