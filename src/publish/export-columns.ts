// What the CSV exports hold, column by column: the header, each cell, and a description and schema the OpenAPI
// document publishes, all from this one list. Columns are only ever added at the end, so a spreadsheet or a
// script that reads them by position keeps working.
import { DIRECTIONS, EVENT_TYPES, type Shift } from '../types.ts'
import type { PairRow } from '../store/schema.ts'
import type { CsvColumn } from './csv.ts'
import { shiftTagId } from './feed-page.ts'

const num = (minimum: number, maximum: number) => ({ type: 'number', minimum, maximum })
const actorId = { type: 'string', pattern: '^[a-z0-9-]+$' }
const day = { type: 'string', format: 'date' }
const time = { type: 'string', format: 'date-time' }
const count = { type: 'integer', minimum: 0 }
const direction = { type: 'string', enum: [...DIRECTIONS] }

/** pair, a, a_name, b, b_name: how both exports name a pair. */
const pairColumns = <T extends { pair: string; a: string; b: string }>(): CsvColumn<T>[] => [
  {
    name: 'pair',
    description: 'the two actor ids, sorted, joined by "--"',
    schema: { type: 'string', pattern: '^[a-z0-9-]+--[a-z0-9-]+$' },
    value: (r) => r.pair,
  },
  { name: 'a', description: 'the first actor id', schema: actorId, value: (r) => r.a },
  { name: 'a_name', description: 'its name', schema: { type: 'string' }, value: (r, c) => c.nameOf(r.a) },
  { name: 'b', description: 'the second actor id', schema: actorId, value: (r) => r.b },
  { name: 'b_name', description: 'its name', schema: { type: 'string' }, value: (r, c) => c.nameOf(r.b) },
]

export const SHIFT_COLUMNS: readonly CsvColumn<Shift>[] = [
  {
    name: 'id',
    description: 'the entry id feeds give this shift (a tag: URI, stable for a pair and day)',
    schema: { type: 'string' },
    value: (s, c) => shiftTagId(c.baseUrl, s.pair, s.day),
  },
  ...pairColumns<Shift>(),
  { name: 'day', description: 'the UTC day of the shift', schema: day, value: (s) => s.day },
  { name: 'direction', description: 'the day’s direction', schema: direction, value: (s) => s.direction },
  {
    name: 'score',
    description: 'the day’s score: cooperation positive, conflict negative',
    schema: num(-1, 1),
    value: (s) => s.score,
  },
  { name: 'confidence', description: 'rises with independent sources', schema: num(0, 1), value: (s) => s.confidence },
  {
    name: 'level_before',
    description: 'the pair’s level before the day',
    schema: num(-1, 1),
    value: (s) => s.levelBefore,
  },
  {
    name: 'level_after',
    description: 'the pair’s level after the day',
    schema: num(-1, 1),
    value: (s) => s.levelAfter,
  },
  {
    name: 'sources',
    description: 'distinct sources merged',
    schema: count,
    value: (s) => s.sources,
  },
  {
    name: 'signals',
    description: 'sentence-level signals merged',
    schema: count,
    value: (s) => s.signals,
  },
  {
    name: 'event_types',
    description: 'the PLOVER event types of the evidence quotes, distinct, separated by ";"',
    schema: { type: 'string', pattern: `^(?:(?:${EVENT_TYPES.join('|')})(?:;(?:${EVENT_TYPES.join('|')}))*)?$` },
    value: (s) => [...new Set(s.evidence.map((e) => e.eventType).filter(Boolean))].join(';'),
  },
  {
    name: 'quotes',
    description: 'evidence quotes kept (at most 12)',
    schema: count,
    value: (s) => s.evidence.length,
  },
  {
    name: 'top_quote',
    description: 'the strongest quote (a publisher’s text: neutralised when it starts like a formula)',
    schema: { type: 'string' },
    value: (s) => s.evidence[0]?.text ?? null,
  },
  {
    name: 'top_quote_source',
    description: 'its publisher',
    schema: { type: 'string' },
    value: (s) => s.evidence[0]?.source ?? null,
  },
  {
    name: 'top_quote_url',
    description: 'its article (http(s) or empty)',
    schema: { type: 'string' },
    value: (s) => s.evidence[0]?.url ?? null,
  },
  { name: 'published', description: 'when the shift was first published', schema: time, value: (s) => s.published },
  { name: 'updated', description: 'when it last changed', schema: time, value: (s) => s.updated },
  {
    name: 'url',
    description: 'the pair’s page at this day',
    schema: { type: 'string', format: 'uri' },
    value: (s, c) => `${c.baseUrl}/pairs/${s.pair}#${s.day}`,
  },
]

export const PAIR_COLUMNS: readonly CsvColumn<PairRow>[] = [
  ...pairColumns<PairRow>(),
  { name: 'direction', description: 'the pair’s current direction', schema: direction, value: (p) => p.direction },
  {
    name: 'level',
    description: 'the pair’s level: −1 conflict to +1 cooperation',
    schema: num(-1, 1),
    value: (p) => p.level,
  },
  { name: 'last_day', description: 'the day of its latest shift', schema: day, value: (p) => p.last_day },
  { name: 'last_direction', description: 'that shift’s direction', schema: direction, value: (p) => p.last_direction },
  { name: 'last_score', description: 'that shift’s score', schema: num(-1, 1), value: (p) => p.last_score },
  {
    name: 'shifts',
    description: 'days with shifts',
    schema: count,
    value: (p) => p.shift_count,
  },
  {
    name: 'signals',
    description: 'signals in all',
    schema: count,
    value: (p) => p.signal_count,
  },
  { name: 'updated', description: 'when the pair last changed', schema: time, value: (p) => p.updated },
  {
    name: 'url',
    description: 'the pair’s page',
    schema: { type: 'string', format: 'uri' },
    value: (p, c) => `${c.baseUrl}/pairs/${p.pair}`,
  },
]
