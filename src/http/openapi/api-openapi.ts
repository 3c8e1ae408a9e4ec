// The JSON API for dashboards: actors, pairs, one pair with its series and evidence.
import { DIRECTIONS } from '../../types.ts'
import { PAIR_DETAIL_PARAMS } from '../api-routes.ts'
import { PAIR_LIST_PARAMS } from '../pair-query.ts'
import { CORRECTION_SCHEMA, VOTES_SCHEMA } from './feeds-openapi.ts'
import {
  CACHE_HEADERS,
  jsonContent,
  PAIR_PATH,
  queryParameters,
  ref,
  standardResponses,
  type Json,
  type OpenApiGroup,
} from './openapi-parts.ts'

const direction = { type: 'string', enum: [...DIRECTIONS] }
const level = { type: 'number', minimum: -1, maximum: 1 }
const time = { type: 'string', format: 'date-time' }
const id = { type: 'string', pattern: '^[a-z0-9-]+$' }
const url = { type: 'string', format: 'uri' }

const PAIR_FIELDS: Json = {
  pair: { type: 'string', pattern: '^[a-z0-9-]+--[a-z0-9-]+$' },
  a: id,
  b: id,
  a_name: { type: 'string' },
  b_name: { type: 'string' },
  direction: {
    ...direction,
    description: 'the pair’s direction as of the day of reading: stable once its last evidence is older than 45 days',
  },
  level: {
    ...level,
    description:
      'where the relation stands as of the day of reading (decayed since the last shift): −1 conflict to +1 cooperation',
  },
  as_of: { type: 'string', format: 'date', description: 'the day of reading' },
  last_evidence: {
    type: 'object',
    required: ['day', 'age_days'],
    additionalProperties: false,
    properties: { day: { type: 'string', format: 'date' }, age_days: { type: 'integer', minimum: 0 } },
  },
  at_last_shift: {
    type: 'object',
    description: 'direction and level as of the last shift',
    required: ['direction', 'level'],
    additionalProperties: false,
    properties: { direction, level },
  },
  last_shift: {
    type: 'object',
    required: ['day', 'direction', 'score'],
    additionalProperties: false,
    properties: { day: { type: 'string', format: 'date' }, direction, score: level },
  },
  updated: time,
  url,
  feeds: {
    type: 'object',
    required: ['atom', 'rss', 'json'],
    additionalProperties: false,
    properties: { atom: url, rss: url, json: url },
  },
  signals: { type: 'integer', minimum: 0 },
}
const PAIR_REQUIRED = [
  'pair',
  'a',
  'b',
  'a_name',
  'b_name',
  'direction',
  'level',
  'as_of',
  'last_evidence',
  'at_last_shift',
  'last_shift',
  'shifts',
  'signals',
  'updated',
  'url',
  'feeds',
]

const schemas: Record<string, Json> = {
  Actor: {
    type: 'object',
    required: ['id', 'name', 'kind', 'aliases'],
    additionalProperties: false,
    properties: {
      id,
      name: { type: 'string' },
      kind: { type: 'string', description: 'state, government, igo, armed-group, party, …' },
      aliases: { type: 'array', items: { type: 'string' } },
      capital: { type: 'string' },
      demonyms: { type: 'array', items: { type: 'string' } },
      metonyms: { type: 'array', items: { type: 'string' } },
      parent: { ...id, description: 'the actor this one rolls up to' },
      region: { type: 'string' },
    },
  },
  Pair: {
    type: 'object',
    required: PAIR_REQUIRED,
    additionalProperties: false,
    properties: { ...PAIR_FIELDS, shifts: { type: 'integer', minimum: 0, description: 'days with shifts' } },
  },
  PairList: {
    type: 'object',
    required: ['total', 'limit', 'offset', 'pairs'],
    additionalProperties: false,
    properties: {
      total: { type: 'integer', minimum: 0 },
      limit: { type: 'integer' },
      offset: { type: 'integer' },
      pairs: { type: 'array', items: ref('Pair') },
    },
  },
  PairDetail: {
    type: 'object',
    required: [...PAIR_REQUIRED, 'series'],
    additionalProperties: false,
    properties: {
      ...PAIR_FIELDS,
      series: {
        type: 'array',
        description: 'the level after each day with shifts, oldest first',
        items: {
          type: 'object',
          required: ['day', 'level', 'direction', 'score'],
          additionalProperties: false,
          properties: { day: { type: 'string', format: 'date' }, level, direction, score: level },
        },
      },
      shifts: {
        type: 'array',
        description: 'the shifts, newest first (at most the latest 365 days)',
        items: ref('Shift'),
      },
    },
  },
  Shift: {
    type: 'object',
    required: [
      'id',
      'day',
      'direction',
      'score',
      'confidence',
      'level_before',
      'level_after',
      'sources',
      'independent_sources',
      'signals',
      'votes',
      'evidence',
      'published',
      'updated',
      'correction',
      'withdrawn',
    ],
    additionalProperties: false,
    properties: {
      id: { type: 'string' },
      day: { type: 'string', format: 'date' },
      direction,
      score: level,
      confidence: { type: 'number', minimum: 0, maximum: 1 },
      level_before: level,
      level_after: level,
      sources: { type: 'integer', minimum: 0 },
      independent_sources: { type: 'integer', minimum: 0 },
      signals: { type: 'integer', minimum: 0 },
      votes: VOTES_SCHEMA,
      evidence: { type: 'array', items: ref('Evidence') },
      published: time,
      updated: time,
      correction: CORRECTION_SCHEMA,
      withdrawn: { type: 'boolean' },
    },
  },
}

const ok = (description: string, schema: Json) => ({
  '200': { description, headers: CACHE_HEADERS, ...jsonContent(schema) },
})

export const apiOpenApi: OpenApiGroup = {
  tag: { name: 'api', description: 'JSON for dashboards' },
  schemas,
  paths: {
    '/api/actors': {
      get: {
        tags: ['api'],
        operationId: 'listActors',
        summary: 'The actor gazetteer',
        parameters: [],
        responses: {
          ...ok('every actor', {
            type: 'object',
            required: ['actors'],
            additionalProperties: false,
            properties: { actors: { type: 'array', items: ref('Actor') } },
          }),
          ...standardResponses([304, 400]),
        },
      },
    },
    '/api/pairs': {
      get: {
        tags: ['api'],
        operationId: 'listPairs',
        summary: 'Pairs with their current direction and level, latest shift first',
        parameters: queryParameters(PAIR_LIST_PARAMS),
        responses: { ...ok('a page of pairs', ref('PairList')), ...standardResponses([304, 400]) },
      },
    },
    '/api/pairs/{pair}': {
      get: {
        tags: ['api'],
        operationId: 'getPair',
        summary: 'One pair: its daily level series, shifts and evidence',
        parameters: [PAIR_PATH, ...queryParameters(PAIR_DETAIL_PARAMS)],
        responses: { ...ok('the pair', ref('PairDetail')), ...standardResponses([301, 304, 400, 404]) },
      },
    },
  },
}
