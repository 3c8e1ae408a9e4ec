// GET /api/sources: every source with its last outcome, next poll, error, counts and languages.
import { ANALYSED_LANGUAGES } from '../../publish/source-view.ts'
import {
  CACHE_HEADERS,
  jsonContent,
  LANGUAGE_COUNTS,
  ref,
  standardResponses,
  UNANALYSED,
  type Json,
  type OpenApiGroup,
} from './openapi-parts.ts'

const time = { type: ['string', 'null'], format: 'date-time' }
const count = { type: 'integer', minimum: 0 }

const SOURCE: Json = {
  type: 'object',
  required: [
    'url',
    'title',
    'site_url',
    'kind',
    'last_outcome',
    'last_status',
    'last_polled_at',
    'last_ok_at',
    'next_poll_at',
    'error',
    'failures',
    'items',
    'signals',
    'languages',
    'unanalysed',
  ],
  additionalProperties: false,
  properties: {
    url: { type: 'string', description: 'the feed’s URL, or the file:// URL of an imported file' },
    title: { type: 'string' },
    site_url: { type: ['string', 'null'], description: 'the site the feed belongs to, as the feed says' },
    kind: {
      type: 'string',
      enum: ['feed', 'file'],
      description: 'feed: polled over http(s); file: brought in by `entente import`, never polled',
    },
    last_outcome: {
      type: ['string', 'null'],
      enum: ['ok', 'not-modified', 'error', null],
      description: 'null until the source is first read',
    },
    last_status: {
      type: ['integer', 'null'],
      description: 'the HTTP status of the last fetch (null for files and failures without an answer)',
    },
    last_polled_at: time,
    last_ok_at: { ...time, description: 'the last time the source was read without error' },
    next_poll_at: {
      ...time,
      description:
        'when the source is due again: the end of a failing source’s backoff, else one poll interval after its last poll; null for files, sources never read, and with the timer off',
    },
    error: { type: ['string', 'null'], description: 'why the last read failed' },
    failures: { ...count, description: 'consecutive failures' },
    items: { ...count, description: 'items stored' },
    signals: { ...count, description: 'signals its items yielded' },
    languages: {
      ...LANGUAGE_COUNTS,
      description: 'items per language; items stored before languages were detected are not in it',
    },
    unanalysed: UNANALYSED,
  },
}

const SOURCE_LIST: Json = {
  type: 'object',
  required: ['analysed_languages', 'poll_minutes', 'total', 'languages', 'unanalysed', 'sources'],
  additionalProperties: false,
  properties: {
    analysed_languages: {
      type: 'array',
      items: { type: 'string', enum: [...ANALYSED_LANGUAGES] },
      description: 'the languages the engine reads',
    },
    poll_minutes: { ...count, description: 'minutes between polls; 0 when the timer is off' },
    total: { ...count, description: 'sources' },
    languages: { ...LANGUAGE_COUNTS, description: 'items per language across sources' },
    unanalysed: UNANALYSED,
    sources: { type: 'array', items: ref('Source'), description: 'sorted by url' },
  },
}

export const sourcesOpenApi: OpenApiGroup = {
  tag: { name: 'sources', description: 'what was read, what could not be, and in which languages' },
  schemas: { Source: SOURCE, SourceList: SOURCE_LIST },
  paths: {
    '/api/sources': {
      get: {
        tags: ['sources'],
        operationId: 'listSources',
        summary: 'Every source with its last outcome, next poll, error, item and signal counts and languages',
        description:
          'Outcomes change with every poll, shifts or not: the answer is revalidated on every use (Cache-Control: no-cache) by its ETag. Takes no parameters.',
        responses: {
          '200': {
            description: 'the sources, sorted by url',
            headers: {
              ...CACHE_HEADERS,
              'Cache-Control': {
                description: 'no-cache: revalidate with the ETag',
                schema: { type: 'string', const: 'no-cache' },
              },
            },
            ...jsonContent(ref('SourceList')),
          },
          ...standardResponses([304, 400]),
        },
      },
    },
  },
}
