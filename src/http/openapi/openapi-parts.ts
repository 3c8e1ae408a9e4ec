// Building blocks every route group's OpenAPI module uses: query parameters from their declarations (the same ones
// the routes validate with), the error shape, conditional-GET headers and answers. JSON Schema 2020-12, the
// dialect of OpenAPI 3.1.
import type { QueryParam } from '../query-params.ts'

export type Json = Record<string, unknown>

/** One route group's part of the document: paths, component schemas and tags. Names must not collide. */
export interface OpenApiGroup {
  tag: { name: string; description: string }
  paths: Record<string, Json>
  schemas?: Record<string, Json>
}

export const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` })

export const queryParameters = (params: readonly QueryParam<string, any>[]): Json[] =>
  params.map((p) => ({ name: p.name, in: 'query', required: false, description: p.description, schema: p.schema }))

export const pathParameter = (name: string, description: string, schema: Json): Json => ({
  name,
  in: 'path',
  required: true,
  description,
  schema,
})

export const PAIR_PATH = pathParameter(
  'pair',
  'two actor ids joined by "--"; an unsorted pair redirects (301) to the sorted one',
  { type: 'string', pattern: '^[a-z0-9-]+--[a-z0-9-]+$', maxLength: 200 },
)
export const ACTOR_PATH = pathParameter('id', 'an actor id from /api/actors', {
  type: 'string',
  pattern: '^[a-z0-9-]+$',
  maxLength: 200,
})

const header = (description: string, schema: Json = { type: 'string' }): Json => ({ description, schema })

/** Headers of every cacheable answer. */
export const CACHE_HEADERS: Json = {
  ETag: header(
    'changes exactly when the answer does; send it back in If-None-Match for a 304 (on Node a compressed answer’s ETag ends in -br or -gz)',
  ),
  'Last-Modified': header('when the data last changed (an HTTP date)'),
  'Cache-Control': header('how long the answer may be reused'),
  'Access-Control-Allow-Origin': header('always *: any origin may read', { type: 'string', const: '*' }),
}

export const errorResponse = (description: string): Json => ({
  description,
  content: { 'application/json': { schema: ref('Error') } },
})

/** The answers every GET route may give besides its 200. */
export function standardResponses(codes: (301 | 304 | 400 | 404)[]): Record<string, Json> {
  const out: Record<string, Json> = {}
  for (const code of codes) {
    if (code === 301)
      out['301'] = {
        description: 'the canonical URL (a pair written in sorted order)',
        headers: { Location: header('where to go') },
      }
    if (code === 304)
      out['304'] = {
        description: 'not modified: the ETag or date sent still describes the data',
        headers: { ETag: CACHE_HEADERS.ETag },
      }
    if (code === 400)
      out['400'] = errorResponse(
        'a parameter the route does not take (listed in error.parameters), or a value it refuses',
      )
    if (code === 404) out['404'] = errorResponse('an unknown actor or a pair with no shifts yet')
  }
  return out
}

/** Items per language: ISO 639-3 codes as the detector gives them (`und`: too short to tell), each with its count. */
export const LANGUAGE_COUNTS: Json = {
  type: 'object',
  description: 'items per language, by ISO 639-3 code (eng, por, urd…; und when a text was too short to tell)',
  propertyNames: { pattern: '^[a-z]{3}$' },
  additionalProperties: { type: 'integer', minimum: 1 },
}

export const UNANALYSED: Json = {
  type: 'integer',
  minimum: 0,
  description: 'items stored and counted but not analysed: the engine reads English',
}

export const jsonContent = (schema: Json, type = 'application/json'): Json => ({ content: { [type]: { schema } } })

export const ERROR_SCHEMAS: Record<string, Json> = {
  Error: {
    type: 'object',
    description: 'every error, with its HTTP status and a message saying what to change',
    required: ['error'],
    additionalProperties: false,
    properties: {
      error: {
        type: 'object',
        required: ['status', 'message'],
        additionalProperties: false,
        properties: {
          status: { type: 'integer', minimum: 400, maximum: 599 },
          message: { type: 'string' },
          parameters: {
            type: 'array',
            items: { type: 'string' },
            description: 'with an unknown parameter: the parameters the route takes',
          },
        },
      },
    },
  },
}
