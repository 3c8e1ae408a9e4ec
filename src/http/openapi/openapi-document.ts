// The OpenAPI 3.1 document at /openapi.json, assembled from one module per route group. A route group adds its own
// module (paths, schemas, tag) to OPENAPI_GROUPS; a path or schema name defined twice stops the build of the
// document, so two groups cannot silently overwrite each other.
import { apiOpenApi } from './api-openapi.ts'
import { exportsOpenApi } from './exports-openapi.ts'
import { feedsOpenApi } from './feeds-openapi.ts'
import { ERROR_SCHEMAS, type Json, type OpenApiGroup } from './openapi-parts.ts'
import { serviceOpenApi } from './service-openapi.ts'
import { sourcesOpenApi } from './sources-openapi.ts'

export const OPENAPI_GROUPS: OpenApiGroup[] = [feedsOpenApi, apiOpenApi, exportsOpenApi, sourcesOpenApi, serviceOpenApi]

export function openApiDocument(baseUrl: string, groups: OpenApiGroup[] = OPENAPI_GROUPS): Json {
  const paths: Record<string, Json> = {}
  const schemas: Record<string, Json> = { ...ERROR_SCHEMAS }
  for (const group of groups) {
    for (const [path, item] of Object.entries(group.paths)) {
      if (paths[path]) throw new Error(`OpenAPI: ${path} is described twice`)
      paths[path] = item
    }
    for (const [name, schema] of Object.entries(group.schemas ?? {})) {
      if (schemas[name]) throw new Error(`OpenAPI: schema ${name} is defined twice`)
      schemas[name] = schema
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Entente',
      version: '1',
      summary:
        'How the alignment between states, governments, armed groups, parties and IGOs is shifting, from the news',
      description:
        'Feeds, a JSON API and bulk exports of alignment shifts. Every GET route answers OPTIONS (CORS preflight) and allows any origin. Every error is JSON: {"error": {"status", "message"}}; a parameter a route does not take is refused with 400 and the list of the ones it takes in error.parameters. Cacheable answers carry an ETag and answer 304 to If-None-Match.',
      license: { name: 'CC BY 4.0 (data); quoted evidence belongs to its publishers', identifier: 'CC-BY-4.0' },
    },
    servers: [{ url: baseUrl }],
    tags: groups.map((g) => g.tag),
    paths,
    components: {
      schemas,
      securitySchemes: { adminToken: { type: 'http', scheme: 'bearer', description: 'ENTENTE_ADMIN_TOKEN' } },
    },
  }
}
