// The feeds: global, corrections, per pair, per actor, each as Atom, RSS and JSON Feed 1.1 (with the `_entente`
// extension).
import { DIRECTIONS, EVENT_TYPES } from '../../types.ts'
import { GLOBAL_FEED_PARAMS, SCOPED_FEED_PARAMS } from '../shift-query.ts'
import {
  ACTOR_PATH,
  CACHE_HEADERS,
  PAIR_PATH,
  queryParameters,
  ref,
  standardResponses,
  type Json,
  type OpenApiGroup,
} from './openapi-parts.ts'

const TYPES = { atom: 'application/atom+xml', rss: 'application/rss+xml', json: 'application/feed+json' } as const
const direction = { type: 'string', enum: [...DIRECTIONS] }
const level = { type: 'number', minimum: -1, maximum: 1 }
const time = { type: 'string', format: 'date-time' }

export const EVIDENCE_SCHEMA: Json = {
  type: 'object',
  description: 'one quoted sentence and what the engine read in it',
  required: [
    'text',
    'url',
    'source',
    'published',
    'direction',
    'event_type',
    'flags',
    'date_inferred',
    'article_direction',
    'story',
    'copies',
  ],
  additionalProperties: false,
  properties: {
    text: { type: 'string', maxLength: 400 },
    url: { type: ['string', 'null'], format: 'uri' },
    source: { type: 'string' },
    published: time,
    direction: { type: ['string', 'null'], enum: [...DIRECTIONS, null] },
    event_type: { type: ['string', 'null'], enum: [...EVENT_TYPES, null] },
    flags: { type: 'array', items: { type: 'string', enum: ['negated', 'hypothetical', 'historical', 'reported'] } },
    date_inferred: {
      type: 'boolean',
      description: 'the article had no readable date: published is when it was first seen, and it counts half',
    },
    article_direction: {
      type: ['string', 'null'],
      enum: [...DIRECTIONS, null],
      description: 'what the whole article says of the pair: the verdict `entente analyze` gives its text',
    },
    story: { type: ['string', 'null'], description: 'the story the quote belongs to: copies of one report share it' },
    copies: {
      type: 'array',
      description: 'other outlets that carried the same sentence',
      items: {
        type: 'object',
        required: ['source', 'url', 'published'],
        additionalProperties: false,
        properties: { source: { type: 'string' }, url: { type: ['string', 'null'], format: 'uri' }, published: time },
      },
    },
  },
}

/** How a published shift was corrected; null when it never was. */
export const CORRECTION_SCHEMA: Json = {
  type: ['object', 'null'],
  required: ['previous_direction', 'corrected_at', 'reason', 'note'],
  additionalProperties: false,
  properties: {
    previous_direction: {
      type: 'string',
      enum: [...DIRECTIONS, 'withdrawn'],
      description: 'the direction published before; withdrawn for a shift restored after a withdrawal',
    },
    corrected_at: time,
    reason: { type: 'string', enum: ['reanalysis', 'new-evidence'] },
    note: { type: 'string', description: 'the note the entry shows' },
  },
}

/** The weight each direction received from the day's stories. */
export const VOTES_SCHEMA: Json = {
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(DIRECTIONS.map((d) => [d, { type: 'number', minimum: 0 }])),
}

const JSON_FEED: Json = {
  type: 'object',
  description:
    'JSON Feed 1.1 (https://jsonfeed.org/version/1.1) with the _entente extension (/docs/json-feed-extension)',
  required: ['version', 'title', 'home_page_url', 'feed_url', 'items', '_entente'],
  properties: {
    version: { const: 'https://jsonfeed.org/version/1.1' },
    title: { type: 'string' },
    home_page_url: { type: 'string', format: 'uri' },
    feed_url: {
      type: 'string',
      format: 'uri',
      description: 'this page’s own URL, with its validated parameters in one canonical order',
    },
    description: { type: 'string' },
    authors: {
      type: 'array',
      items: { type: 'object', properties: { name: { type: 'string' }, url: { type: 'string' } } },
    },
    language: { type: 'string' },
    next_url: { type: 'string', format: 'uri', description: 'the next (older) page' },
    hubs: {
      type: 'array',
      description: 'the WebSub hub, on plain feeds when ENTENTE_WEBSUB_HUB is set',
      items: {
        type: 'object',
        required: ['type', 'url'],
        properties: { type: { const: 'WebSub' }, url: { type: 'string', format: 'uri' } },
      },
    },
    _entente: {
      type: 'object',
      required: ['about', 'id', 'updated'],
      properties: {
        about: { type: 'string', format: 'uri' },
        id: { type: 'string' },
        updated: time,
        last_evidence: {
          type: 'object',
          description:
            'how old the newest evidence the feed covers is on the day it was read; a pair’s feed adds its level and direction that day',
          required: ['day', 'age_days', 'as_of'],
          additionalProperties: false,
          properties: {
            day: { type: 'string', format: 'date' },
            age_days: { type: 'integer', minimum: 0 },
            as_of: { type: 'string', format: 'date' },
            level_now: level,
            direction_now: direction,
          },
        },
      },
    },
    items: { type: 'array', items: ref('JsonFeedItem') },
  },
}

const JSON_FEED_ITEM: Json = {
  type: 'object',
  required: ['id', 'url', 'title', 'content_text', 'content_html', 'date_published', 'date_modified', '_entente'],
  properties: {
    id: { type: 'string', description: 'tag: URI, stable for a pair and day' },
    url: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    content_text: { type: 'string' },
    content_html: { type: 'string' },
    summary: { type: 'string' },
    date_published: time,
    date_modified: time,
    tags: { type: 'array', items: { type: 'string' } },
    _entente: {
      type: 'object',
      required: [
        'about',
        'pair',
        'a',
        'b',
        'day',
        'direction',
        'score',
        'level_before',
        'level_after',
        'confidence',
        'sources',
        'independent_sources',
        'signals',
        'votes',
        'evidence',
        'correction',
        'withdrawn',
      ],
      properties: {
        about: { type: 'string', format: 'uri' },
        pair: { type: 'string' },
        a: { type: 'string' },
        b: { type: 'string' },
        day: { type: 'string', format: 'date' },
        direction,
        score: level,
        level_before: level,
        level_after: level,
        confidence: { type: 'number', minimum: 0, maximum: 1 },
        sources: { type: 'integer', minimum: 0 },
        independent_sources: {
          type: 'integer',
          minimum: 0,
          description: 'independent reports: copies of one story, and one outlet’s articles, count once',
        },
        signals: { type: 'integer', minimum: 0 },
        votes: VOTES_SCHEMA,
        evidence: { type: 'array', items: ref('Evidence') },
        correction: CORRECTION_SCHEMA,
        withdrawn: { type: 'boolean', description: 'a tombstone: the shift’s evidence is gone; shown for 30 days' },
      },
    },
  },
}

function feedOperation(
  scope: string,
  format: keyof typeof TYPES,
  params: typeof GLOBAL_FEED_PARAMS | typeof SCOPED_FEED_PARAMS,
  pathParams: Json[],
): Json {
  const schema =
    format === 'json'
      ? ref('JsonFeed')
      : {
          type: 'string',
          description:
            format === 'atom' ? 'Atom 1.0 (RFC 4287), RFC 5005 paging links' : 'RSS 2.0 with atom:link self and next',
        }
  return {
    get: {
      tags: ['feeds'],
      operationId: `${scope}Feed${format[0]!.toUpperCase()}${format.slice(1)}`,
      summary: `${scope === 'global' ? 'Every shift' : scope === 'corrections' ? 'Shifts corrected or withdrawn in the last 30 days' : scope === 'pair' ? 'One pair’s shifts' : 'Every pair of one actor'}, newest first (${format === 'json' ? 'JSON Feed 1.1' : format === 'atom' ? 'Atom' : 'RSS'})`,
      description:
        'A page of shifts (one pair on one UTC day), newest first. Each combination of parameters has its own self link and ETag. Plain feeds advertise the WebSub hub when one is configured.',
      parameters: [...pathParams, ...queryParameters(params)],
      responses: {
        '200': { description: 'the feed page', headers: CACHE_HEADERS, content: { [TYPES[format]]: { schema } } },
        ...standardResponses(scope === 'pair' ? [301, 304, 400, 404] : [304, 400, 404]),
      },
    },
  }
}

const paths: Record<string, Json> = {}
for (const format of ['json', 'atom', 'rss'] as const) {
  paths[`/feeds/shifts.${format}`] = feedOperation('global', format, GLOBAL_FEED_PARAMS, [])
  paths[`/feeds/corrections.${format}`] = feedOperation('corrections', format, GLOBAL_FEED_PARAMS, [])
  paths[`/feeds/pairs/{pair}.${format}`] = feedOperation('pair', format, SCOPED_FEED_PARAMS, [PAIR_PATH])
  paths[`/feeds/actors/{id}.${format}`] = feedOperation('actor', format, SCOPED_FEED_PARAMS, [ACTOR_PATH])
}

export const feedsOpenApi: OpenApiGroup = {
  tag: { name: 'feeds', description: 'Atom, RSS and JSON Feed 1.1, for feed readers and for the WebSub hub' },
  paths,
  schemas: { JsonFeed: JSON_FEED, JsonFeedItem: JSON_FEED_ITEM, Evidence: EVIDENCE_SCHEMA },
}
