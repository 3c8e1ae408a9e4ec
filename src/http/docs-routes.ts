// GET /openapi.json (the OpenAPI 3.1 document) and GET /docs/api (the same, for people): every route with its
// parameters, answers and error shape, rendered from the document so the two never disagree.
import type { Context, Hono } from 'hono'
import { html } from 'hono/html'
import type { AppDeps } from './app-deps.ts'
import { fnv1a, respond, type Representation } from './conditional.ts'
import { openApiDocument } from './openapi/openapi-document.ts'
import type { Json } from './openapi/openapi-parts.ts'
import { layout } from './page-layout.ts'

const FIXED_DATE = new Date(Date.UTC(2026, 0, 1)).toUTCString()

function schemaText(schema: Json | undefined): string {
  if (!schema) return ''
  if (typeof schema.$ref === 'string') return schema.$ref.replace('#/components/schemas/', '')
  const parts: string[] = []
  if (Array.isArray(schema.enum)) parts.push(`one of ${schema.enum.filter((v) => v !== null).join(', ')}`)
  else if (schema.type) parts.push(Array.isArray(schema.type) ? schema.type.join(' or ') : String(schema.type))
  if (schema.format) parts.push(`(${String(schema.format)})`)
  if (schema.minimum !== undefined || schema.maximum !== undefined)
    parts.push(`${schema.minimum ?? '…'}–${schema.maximum ?? '…'}`)
  if (schema.default !== undefined) parts.push(`default ${String(schema.default)}`)
  return parts.join(' ')
}

/** Lists rather than tables: they wrap on a phone, and the shared stylesheet needs no change for them. */
function operationHtml(path: string, method: string, op: Json) {
  const params = (op.parameters as Json[] | undefined) ?? []
  const responses = Object.entries((op.responses as Record<string, Json>) ?? {})
  const columns = responses
    .flatMap(([, r]) => Object.values((r.content as Record<string, Json>) ?? {}))
    .flatMap((m) => (m['x-csv-columns'] as Json[] | undefined) ?? [])
  const anchor = `${method}-${path}`.replace(/[^a-z0-9]+/gi, '-')
  return html`<section id="${anchor}" aria-labelledby="h-${anchor}"><h3 id="h-${anchor}"><code>${method.toUpperCase()}</code> <code>${path}</code></h3>
<p>${String(op.summary ?? '')}${op.description ? html`. ${String(op.description)}` : ''}</p>
<h4>Parameters</h4>
${params.length ? html`<dl>${params.map((p) => html`<dt><code>${String(p.name)}</code> <span class="note">${String(p.in)}, ${schemaText(p.schema as Json)}</span></dt><dd>${String(p.description ?? '')}</dd>`)}</dl>` : html`<p>None.</p>`}
<h4>Answers</h4>
<ul>${responses.map(([status, r]) => {
    const content = Object.entries((r.content as Record<string, Json> | undefined) ?? {})
    return html`<li><strong>${status}</strong> ${String(r.description ?? '')}${content.map(([type, m]) => html` · <code>${type}</code> ${schemaText(m.schema as Json)}`)}</li>`
  })}</ul>
${columns.length ? html`<details><summary>CSV columns</summary><dl>${columns.map((c) => html`<dt><code>${String(c.name)}</code> <span class="note">${schemaText(c.schema as Json)}</span></dt><dd>${String(c.description)}</dd>`)}</dl></details>` : ''}</section>`
}

export function docsRoutes(app: Hono, deps: AppDeps): void {
  let json: Representation | undefined
  let page: Representation | undefined
  const doc = () => openApiDocument(deps.baseUrl)
  const answer = (c: Context, rep: Representation, type: string) => respond(c, rep, type, 'public, max-age=3600')
  app.get('/openapi.json', (c) => {
    if (!json) {
      const body = JSON.stringify(doc(), null, 1)
      json = { body, etag: `"${fnv1a(body)}"`, lastModified: FIXED_DATE }
    }
    return answer(c, json, 'application/json; charset=utf-8')
  })
  app.get('/docs/api', async (c) => {
    if (!page) {
      const d = doc()
      const tags = (d.tags as { name: string; description: string }[]) ?? []
      const paths = Object.entries(d.paths as Record<string, Record<string, Json>>)
      const body = String(
        await layout(
          'Entente — HTTP API',
          null,
          html`<h1>HTTP API</h1>
<p>The same as the machine-readable <a href="/openapi.json">OpenAPI 3.1 document</a>. Base URL: <code>${deps.baseUrl}</code>. Every GET route answers <code>OPTIONS</code> and allows any origin (CORS); cacheable answers carry an <code>ETag</code> and answer <code>304</code> to <code>If-None-Match</code>.</p>
<h2>Errors</h2>
<p>Every error is JSON with its status and a message saying what to change: <code>{"error": {"status": 400, "message": "…", "parameters": ["…"]}}</code>. A parameter a route does not take is refused (400) rather than ignored; <code>parameters</code> then lists the ones it takes. Text filters are plain text (case-insensitive, <code>|</code> between alternatives), never regular expressions.</p>
${tags.map((t) => {
  const ops = paths.flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([, op]) => ((op.tags as string[]) ?? []).includes(t.name))
      .map(([method, op]) => ({ path, method, op })),
  )
  return html`<h2>${t.name}</h2><p>${t.description}</p>${ops.map((o) => operationHtml(o.path, o.method, o.op))}`
})}`,
        ),
      )
      page = { body, etag: `"${fnv1a(body)}"`, lastModified: FIXED_DATE }
    }
    return answer(c, page, 'text/html; charset=utf-8')
  })
}
