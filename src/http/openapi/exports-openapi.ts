// The bulk exports: CSV (RFC 4180) of shifts and pairs, NDJSON of signals with a cursor. OpenAPI 3.1 has no item
// schema for line formats, so each CSV media type lists its columns in `x-csv-columns` (name, description, schema
// of the value) and the NDJSON one names the schema of each line in `x-ndjson-item`.
import { DIRECTIONS, EVENT_TYPES } from '../../types.ts'
import type { CsvColumn } from '../../publish/csv.ts'
import { PAIR_COLUMNS, SHIFT_COLUMNS } from '../../publish/export-columns.ts'
import { EXPORT_TYPES } from '../export-streams.ts'
import {
  CACHE_HEADERS,
  queryParameters,
  ref,
  standardResponses,
  type Json,
  type OpenApiGroup,
} from './openapi-parts.ts'

const columns = <T>(cols: readonly CsvColumn<T>[]) =>
  cols.map(({ name, description, schema }) => ({ name, description, schema }))

function csvOperation(
  name: 'shifts' | 'pairs',
  operationId: string,
  summary: string,
  cols: readonly CsvColumn<never>[],
): Json {
  return {
    get: {
      tags: ['exports'],
      operationId,
      summary,
      description:
        'RFC 4180: a header row, CRLF line ends, streamed as it is read. A text cell starting with =, +, -, @, a tab or a carriage return gets a leading apostrophe so that no spreadsheet runs it as a formula.',
      parameters: queryParameters(EXPORT_TYPES[name].params),
      responses: {
        '200': {
          description: `${name} as CSV`,
          headers: {
            ...CACHE_HEADERS,
            'Content-Disposition': {
              description: `attachment; filename="entente-${name}.csv"`,
              schema: { type: 'string' },
            },
          },
          content: { 'text/csv': { schema: { type: 'string' }, 'x-csv-columns': columns(cols) } },
        },
        ...standardResponses([304, 400]),
      },
    },
  }
}

const SIGNAL_LINE: Json = {
  type: 'object',
  description: 'one signal: one sentence’s claim about one pair',
  required: [
    'cursor',
    'id',
    'item_id',
    'pair',
    'a',
    'b',
    'day',
    'published',
    'direction',
    'score',
    'confidence',
    'event_type',
    'flags',
    'cues',
    'sentence',
    'mentions',
    'source',
    'source_url',
    'url',
  ],
  additionalProperties: false,
  properties: {
    cursor: { type: 'string', pattern: '^\\d+$', description: 'resume after this line with ?cursor=' },
    id: { type: 'string' },
    item_id: { type: 'string' },
    pair: { type: 'string', pattern: '^[a-z0-9-]+--[a-z0-9-]+$' },
    a: { type: 'string' },
    b: { type: 'string' },
    day: { type: 'string', format: 'date' },
    published: { type: 'string', format: 'date-time' },
    direction: { type: 'string', enum: [...DIRECTIONS] },
    score: { type: 'number', minimum: -1, maximum: 1 },
    confidence: { type: 'number', minimum: 0, maximum: 1 },
    event_type: { type: ['string', 'null'], enum: [...EVENT_TYPES, null] },
    flags: { type: 'array', items: { type: 'string', enum: ['negated', 'hypothetical', 'historical', 'reported'] } },
    cues: { type: 'array', items: { type: 'string' } },
    sentence: { type: 'string' },
    mentions: {
      type: 'array',
      items: {
        type: 'object',
        required: ['text', 'actor', 'rollup', 'via', 'role'],
        additionalProperties: false,
        properties: {
          text: { type: 'string' },
          actor: { type: 'string' },
          rollup: { type: 'string' },
          via: { type: 'string' },
          role: { type: 'string' },
        },
      },
    },
    source: { type: 'string' },
    source_url: { type: ['string', 'null'], format: 'uri' },
    url: { type: ['string', 'null'], format: 'uri' },
  },
}

const TOMBSTONE: Json = {
  type: 'object',
  description:
    'a signal deleted since (re-analysis replaced it): drop it; a signal stored again comes later as a new line',
  required: ['cursor', 'id', 'deleted', 'pair', 'day'],
  additionalProperties: false,
  properties: {
    cursor: { type: 'string', pattern: '^\\d+$' },
    id: { type: 'string' },
    deleted: { const: true },
    pair: { type: ['string', 'null'] },
    day: { type: ['string', 'null'], format: 'date' },
  },
}

export const exportsOpenApi: OpenApiGroup = {
  tag: { name: 'exports', description: 'bulk data for analysts: CSV and NDJSON, streamed' },
  schemas: {
    SignalLine: { oneOf: [ref('Signal'), ref('SignalTombstone')] },
    Signal: SIGNAL_LINE,
    SignalTombstone: TOMBSTONE,
  },
  paths: {
    '/api/shifts.csv': csvOperation(
      'shifts',
      'exportShifts',
      'Every shift matching the feeds’ filters, newest first, as CSV',
      SHIFT_COLUMNS as readonly CsvColumn<never>[],
    ),
    '/api/pairs.csv': csvOperation(
      'pairs',
      'exportPairs',
      'Every pair matching /api/pairs’ filters, latest shift first, as CSV',
      PAIR_COLUMNS as readonly CsvColumn<never>[],
    ),
    '/api/signals.ndjson': {
      get: {
        tags: ['exports'],
        operationId: 'exportSignals',
        summary: 'Signals in the order they were stored, for incremental pulls',
        description:
          'One JSON object per line (x-ndjson-item). A pull ends at the head of the log when it began (the X-Entente-Cursor header). To pull only what is new: pass the `cursor` of the last line read; when an answer has fewer lines than its limit, resume from its X-Entente-Cursor instead (every later signal is newer than it). Deleted signals come as tombstones.',
        parameters: queryParameters(EXPORT_TYPES.signals.params),
        responses: {
          '200': {
            description: 'signals as NDJSON',
            headers: {
              ETag: CACHE_HEADERS.ETag,
              'X-Entente-Cursor': {
                description: 'the head of the log this answer ends at',
                schema: { type: 'string', pattern: '^\\d+$' },
              },
              'Access-Control-Allow-Origin': CACHE_HEADERS['Access-Control-Allow-Origin'],
            },
            content: { 'application/x-ndjson': { schema: { type: 'string' }, 'x-ndjson-item': ref('SignalLine') } },
          },
          ...standardResponses([304, 400]),
        },
      },
    },
  },
}
