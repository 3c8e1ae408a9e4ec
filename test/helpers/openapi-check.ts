// Checks a real answer against the OpenAPI document: finds the operation for a method and URL, then validates the
// body (JSON, every CSV cell by its column's schema, every NDJSON line) with the validator it is handed: ajv on
// Node, @cfworker/json-schema in workerd (which allows no code generation). Pure, so both suites share it.
import { parseCsv } from './csv.ts'

export type Json = Record<string, unknown>
/** Validates `value` against `schema` (whose $refs point into `#/components/schemas/`); returns errors or []. */
export type SchemaCheck = (schema: Json, value: unknown) => string[]

const templateRegex = (template: string) =>
  new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`)

export function findOperation(doc: Json, method: string, path: string): { template: string; op: Json } | undefined {
  const paths = doc.paths as Record<string, Record<string, Json>>
  // Literal paths first: /api/pairs.csv must not be read as /api/pairs/{pair}.
  const templates = Object.keys(paths).sort((x, y) => Number(x.includes('{')) - Number(y.includes('{')))
  for (const template of templates) {
    if (templateRegex(template).test(path) && paths[template]![method.toLowerCase()])
      return { template, op: paths[template]![method.toLowerCase()]! }
  }
  return undefined
}

/** A schema that resolves its $refs against the document's components. */
export const standalone = (doc: Json, schema: Json): Json => ({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  components: doc.components,
  allOf: [schema],
})

function cellValue(raw: string, schema: Json): unknown {
  const type = schema.type
  if (type === 'number' || type === 'integer') return Number(raw)
  return raw
}

/** Every problem with an answer, judged by the document; [] when it conforms. */
export function checkAnswer(
  doc: Json,
  check: SchemaCheck,
  method: string,
  url: string,
  status: number,
  contentType: string | null,
  body: string,
): string[] {
  const path = new URL(url, 'http://x').pathname
  const found = findOperation(doc, method, path)
  if (!found) return [`${method} ${path} is not in the document`]
  const response = (found.op.responses as Record<string, Json>)[String(status)]
  if (!response) return [`${method} ${found.template} does not document status ${status}`]
  if (status === 304 || status === 301 || method === 'HEAD') return []
  const content = response.content as Record<string, Json> | undefined
  const type = (contentType ?? '').split(';')[0]!.trim()
  const media = content?.[type]
  if (!media) return [`${method} ${found.template} ${status} does not document ${type}`]
  const errors: string[] = []
  if (media['x-csv-columns']) {
    const columns = media['x-csv-columns'] as { name: string; schema: Json }[]
    const [header, ...rows] = parseCsv(body)
    if (JSON.stringify(header) !== JSON.stringify(columns.map((c) => c.name)))
      errors.push(`CSV header ${JSON.stringify(header)} is not the documented one`)
    rows.forEach((row, i) =>
      row.forEach((cell, k) => {
        if (cell === '' || !columns[k]) return
        for (const e of check(columns[k]!.schema, cellValue(cell, columns[k]!.schema)))
          errors.push(`row ${i + 1} ${columns[k]!.name}=${JSON.stringify(cell)}: ${e}`)
      }),
    )
  } else if (media['x-ndjson-item']) {
    const schema = standalone(doc, media['x-ndjson-item'] as Json)
    body
      .split('\n')
      .filter(Boolean)
      .forEach((line, i) => {
        for (const e of check(schema, JSON.parse(line))) errors.push(`line ${i + 1}: ${e}`)
      })
  } else if (/json/.test(type)) {
    for (const e of check(standalone(doc, media.schema as Json), JSON.parse(body))) errors.push(e)
  }
  return errors.map((e) => `${method} ${path} ${status}: ${e}`)
}
