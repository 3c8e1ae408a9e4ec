// `entente export [shifts|pairs|signals] --format csv|ndjson [--since DAY] [--event-type T] … [--out FILE]`: the
// HTTP exports written from the CLI. Flags are the HTTP parameters (`--min-confidence` is `min_confidence`) and are
// validated by the same declarations, so the CLI and the API refuse and accept the same things.
import type { ExportName } from '../http/export-streams.ts'

export const EXPORT_USAGE = `export [shifts|pairs|signals] --format csv|ndjson [--out FILE] [--PARAMETER VALUE…]
                             shifts and pairs as CSV, signals as NDJSON (what /api/shifts.csv, /api/pairs.csv and
                             /api/signals.ndjson serve); parameters as on those routes, e.g. --since 2026-01-01
                             --event-type ASSAULT --cursor 1234`

const FORMAT_OF: Record<ExportName, 'csv' | 'ndjson'> = { shifts: 'csv', pairs: 'csv', signals: 'ndjson' }

export interface ExportRequest {
  name: ExportName
  search: URLSearchParams
  out: string | null
}

export function parseExportArgs(args: string[]): ExportRequest {
  let name: ExportName | undefined
  let format: string | undefined
  let out: string | null = null
  const search = new URLSearchParams()
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (!arg.startsWith('--')) {
      if (name || !(arg in FORMAT_OF)) throw new Error(`export takes one of shifts, pairs or signals, got "${arg}"`)
      name = arg as ExportName
      continue
    }
    const value = args[i + 1]
    if (value === undefined || value.startsWith('--')) throw new Error(`${arg} needs a value`)
    i++
    if (arg === '--format') format = value
    else if (arg === '--out') out = value
    else search.append(arg.slice(2).replace(/-/g, '_'), value)
  }
  if (format !== 'csv' && format !== 'ndjson') throw new Error('export needs --format csv or --format ndjson')
  name ??= format === 'csv' ? 'shifts' : 'signals'
  if (FORMAT_OF[name] !== format)
    throw new Error(`${name} are exported as ${FORMAT_OF[name]}: use --format ${FORMAT_OF[name]}`)
  return { name, search, out }
}
