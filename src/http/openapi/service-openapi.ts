// The service's own routes: health, the admin poll and re-analysis, the OPML of every feed, and this document.
import {
  CACHE_HEADERS,
  errorResponse,
  jsonContent,
  LANGUAGE_COUNTS,
  ref,
  standardResponses,
  UNANALYSED,
  type Json,
  type OpenApiGroup,
} from './openapi-parts.ts'

const time = { type: 'string', format: 'date-time' }

const SOURCE_REPORT: Json = {
  type: 'object',
  required: ['url', 'title', 'outcome', 'status', 'new_items', 'signals'],
  additionalProperties: false,
  properties: {
    url: { type: 'string' },
    title: { type: 'string' },
    outcome: { type: 'string', enum: ['ok', 'not-modified', 'error', 'skipped'] },
    status: { type: ['integer', 'null'] },
    new_items: { type: 'integer', minimum: 0 },
    signals: { type: 'integer', minimum: 0 },
    languages: { ...LANGUAGE_COUNTS, description: 'new items per language, when the source was read' },
    unanalysed: {
      ...UNANALYSED,
      description: 'new items stored and counted but not analysed (the engine reads English), when the source was read',
    },
    error: { type: 'string' },
    next_poll_at: { ...time, description: 'when a failing source is asked again' },
  },
}

const POLL_SUMMARY: Json = {
  type: 'object',
  required: [
    'started_at',
    'finished_at',
    'sources',
    'new_items',
    'new_signals',
    'languages',
    'unanalysed',
    'shifts_changed',
  ],
  additionalProperties: false,
  properties: {
    started_at: time,
    finished_at: time,
    sources: { type: 'array', items: ref('SourceReport') },
    new_items: { type: 'integer', minimum: 0 },
    new_signals: { type: 'integer', minimum: 0 },
    languages: { ...LANGUAGE_COUNTS, description: 'new items per language across sources' },
    unanalysed: { ...UNANALYSED, description: 'new items not analysed for their language, across sources' },
    shifts_changed: { type: 'integer', minimum: 0 },
    websub: {
      type: 'object',
      description: 'with ENTENTE_WEBSUB_HUB set and feeds changed: the hub pings',
      required: ['hub', 'topics', 'notified', 'failed'],
      additionalProperties: false,
      properties: {
        hub: { type: 'string' },
        topics: { type: 'integer' },
        notified: { type: 'integer' },
        failed: { type: 'integer' },
        errors: { type: 'array', items: { type: 'string' } },
      },
    },
  },
}

const count = { type: 'integer', minimum: 0 }

const HEALTH: Json = {
  type: 'object',
  required: ['status', 'database'],
  additionalProperties: false,
  properties: {
    status: { type: 'string', enum: ['ok', 'error'] },
    database: { type: 'string', enum: ['ok', 'unreachable'] },
    last_poll: { type: ['string', 'null'], format: 'date-time' },
    poll_minutes: { type: 'integer', minimum: 0 },
    sources: {
      type: 'object',
      description: 'sources by their last outcome; each one’s outcome, error and counts are at /api/sources',
      required: ['total', 'ok', 'failing', 'never_read'],
      additionalProperties: false,
      properties: {
        total: count,
        ok: { ...count, description: 'last read ok or not modified' },
        failing: { ...count, description: 'last read failed' },
        never_read: count,
      },
    },
    items: { ...count, description: 'items stored' },
    signals: { ...count, description: 'signals stored items yielded' },
    languages: LANGUAGE_COUNTS,
    unanalysed: UNANALYSED,
  },
}

const REANALYSIS: Json = {
  type: 'object',
  required: [
    'engine',
    'since',
    'items',
    'changed_items',
    'signals_before',
    'signals_after',
    'remaining',
    'shifts_changed',
  ],
  additionalProperties: false,
  properties: {
    engine: { type: 'string', description: 'the engine version applied' },
    since: { type: ['string', 'null'], format: 'date' },
    items: { ...count, description: 'items analysed by this call' },
    changed_items: { ...count, description: 'of them, those whose signals changed' },
    signals_before: count,
    signals_after: count,
    remaining: { ...count, description: 'items still to re-analyse' },
    shifts_changed: count,
    queued: { type: 'boolean', description: 'on Workers with a queue: the work was enqueued' },
  },
}

export const serviceOpenApi: OpenApiGroup = {
  tag: { name: 'service', description: 'health, administration and discovery' },
  schemas: { Health: HEALTH, PollSummary: POLL_SUMMARY, SourceReport: SOURCE_REPORT, Reanalysis: REANALYSIS },
  paths: {
    '/healthz': {
      get: {
        tags: ['service'],
        operationId: 'health',
        summary:
          'Database reachability, the time of the last poll, sources by outcome, items, signals and items per language',
        responses: {
          '200': { description: 'healthy', ...jsonContent(ref('Health')) },
          '503': { description: 'the database cannot be reached', ...jsonContent(ref('Health')) },
        },
      },
    },
    '/admin/poll': {
      post: {
        tags: ['service'],
        operationId: 'poll',
        summary: 'Run a poll now and answer its summary',
        security: [{ adminToken: [] }],
        responses: {
          '200': { description: 'the poll’s summary', ...jsonContent(ref('PollSummary')) },
          '401': errorResponse('no or a wrong bearer token'),
          '403': errorResponse('admin routes are disabled: ENTENTE_ADMIN_TOKEN is not set'),
          '409': errorResponse('a poll is already running'),
          '501': errorResponse('polling is not available in this deployment'),
        },
      },
    },
    '/admin/reanalyze': {
      post: {
        tags: ['service'],
        operationId: 'reanalyze',
        summary: 'Re-analyse stored items with the current engine version',
        description:
          'Items not yet analysed with this engine (published since a day when given) get new signals; the days they change are re-aggregated, and shifts whose direction changes are published as corrections. On Workers with a queue the work is enqueued; without one a call does a bounded share.',
        security: [{ adminToken: [] }],
        parameters: [
          {
            name: 'since',
            in: 'query',
            required: false,
            description: 'only items published on or after this UTC day',
            schema: { type: 'string', format: 'date' },
          },
        ],
        responses: {
          '200': { description: 'done: no item left', ...jsonContent(ref('Reanalysis')) },
          '202': {
            description: 'items remain: enqueued, or left for the next call',
            ...jsonContent(ref('Reanalysis')),
          },
          '400': errorResponse('since is not a day'),
          '401': errorResponse('no or a wrong bearer token'),
          '403': errorResponse('admin routes are disabled: ENTENTE_ADMIN_TOKEN is not set'),
          '409': errorResponse('a re-analysis is already running'),
          '501': errorResponse('re-analysis is not available in this deployment'),
        },
      },
    },
    '/feeds.opml': {
      get: {
        tags: ['feeds'],
        operationId: 'feedList',
        summary: 'Every active feed (global, pairs, actors) as OPML 2.0, to subscribe at once',
        responses: {
          '200': {
            description: 'OPML 2.0',
            headers: CACHE_HEADERS,
            content: { 'text/x-opml': { schema: { type: 'string' } } },
          },
          ...standardResponses([304, 400]),
        },
      },
    },
    '/openapi.json': {
      get: {
        tags: ['service'],
        operationId: 'openApi',
        summary: 'This document (OpenAPI 3.1)',
        responses: {
          '200': { description: 'the document', headers: CACHE_HEADERS, ...jsonContent({ type: 'object' }) },
          ...standardResponses([304]),
        },
      },
    },
  },
}
