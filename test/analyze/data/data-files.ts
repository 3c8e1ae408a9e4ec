// Helpers for the data-file tests: read a data file as text, validate it against its JSON Schema with ajv, and
// check that it is written in the canonical one-entry-per-line form.
import { readFileSync, readdirSync } from 'node:fs'
import Ajv2020 from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { formatDataFile, type DataFile } from '../../../src/analyze/data/data-file.ts'

export const DATA = new URL('../../../src/analyze/data/', import.meta.url)

export function readData(path: string): { text: string; json: DataFile<unknown> } {
  const text = readFileSync(new URL(path, DATA), 'utf8')
  return { text, json: JSON.parse(text) as DataFile<unknown> }
}

let ajv: Ajv2020 | null = null
/** Validation errors of a data file against the schema its `$schema` names, as readable lines. */
export function schemaErrors(path: string): string[] {
  return schemaErrorsOf(readData(path).json, path)
}

/** Validation errors of data-file content against the schema its `$schema` names. */
export function schemaErrorsOf(json: DataFile<unknown>, label = 'data'): string[] {
  if (!ajv) {
    ajv = new Ajv2020({ allErrors: true, strict: false })
    addFormats.default(ajv)
    for (const f of readdirSync(new URL('schema/', DATA))) ajv.addSchema(JSON.parse(readFileSync(new URL(`schema/${f}`, DATA), 'utf8')))
  }
  const id = `https://entente.invalid/schema/${String(json.$schema).split('/').pop()}`
  const validate = ajv.getSchema(id)
  if (!validate) return [`no schema ${id}`]
  return validate(json) ? [] : (validate.errors ?? []).map((e) => `${label}${e.instancePath}: ${e.message}`)
}

/** Whether the file's text is exactly the canonical formatting of its own content. */
export function isCanonical(path: string): boolean {
  const { text, json } = readData(path)
  return formatDataFile(json) === text
}
