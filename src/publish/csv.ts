// RFC 4180 CSV: CRLF line ends, a header row, fields quoted when they hold a comma, quote or line break, quotes
// doubled. Formula injection (CWE-1236) is neutralised: a text cell starting with =, +, -, @, a tab or a carriage
// return would be run as a formula by a spreadsheet, so it gets a leading apostrophe. Numbers are written as
// numbers (a negative score is data, not a formula).
import { stripControlChars } from '../ingest/html-to-text.ts'

export type CsvValue = string | number | null | undefined

/** What cells are made from besides the row: the base URL of links, actor names. */
export interface ExportContext {
  baseUrl: string
  nameOf: (id: string) => string
}

export interface CsvColumn<T> {
  name: string
  description: string
  /** JSON Schema of the cell's value once read back (a number column holds numbers) */
  schema: Record<string, unknown>
  value: (row: T, ctx: ExportContext) => CsvValue
}

const FORMULA_START = /^[=+\-@\t\r]/

export function csvCell(v: CsvValue): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : ''
  let s = stripControlChars(v)
  if (FORMULA_START.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export const csvHeader = <T>(columns: readonly CsvColumn<T>[]): string =>
  columns.map((c) => csvCell(c.name)).join(',') + '\r\n'

export const csvRow = <T>(columns: readonly CsvColumn<T>[], row: T, ctx: ExportContext): string =>
  columns.map((c) => csvCell(c.value(row, ctx))).join(',') + '\r\n'
