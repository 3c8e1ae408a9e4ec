// The bulk exports, for HTTP (/api/shifts.csv, /api/pairs.csv, /api/signals.ndjson) and the CLI (`entente export`)
// alike: the same parameters, validated the same way, producing the same lines. Rows are read in keyset batches as
// the consumer reads, so an export of any size holds one batch in memory and stops reading when the consumer goes.
import type { Gazetteer } from '../analyze/mentions/gazetteer.ts'
import { csvHeader, csvRow, type ExportContext } from '../publish/csv.ts'
import { PAIR_COLUMNS, SHIFT_COLUMNS } from '../publish/export-columns.ts'
import { signalLine } from '../publish/signal-json.ts'
import { walkShifts } from '../store/list-shifts.ts'
import { walkPairs } from '../store/read-queries.ts'
import type { Db } from '../store/schema.ts'
import { signalLogHead, walkSignalLog } from '../store/signal-log.ts'
import {
  actorParam,
  directionParam,
  eventTypeParam,
  limitParam,
  minConfidenceParam,
  pairParam,
  sinceParam,
  untilParam,
} from './common-params.ts'
import { HttpError } from './errors.ts'
import { pairFilter, PAIR_EXPORT_PARAMS } from './pair-query.ts'
import { param, readQuery } from './query-params.ts'
import { shiftFilter, SHIFT_EXPORT_PARAMS } from './shift-query.ts'

export const SIGNAL_EXPORT_PARAMS = [
  param({
    name: 'cursor',
    description:
      'resume after this cursor: the `cursor` of the last line read, or the X-Entente-Cursor header of an answer with fewer lines than its limit',
    schema: { type: 'string', pattern: '^\\d{1,15}$' },
    parse: (raw): number => {
      if (!/^\d{1,15}$/.test(raw)) throw new HttpError(400, 'cursor must be a cursor taken from an earlier answer')
      return Number(raw)
    },
  }),
  param({ ...sinceParam, description: 'only signals of articles from this UTC day on (YYYY-MM-DD, inclusive)' }),
  param({ ...untilParam, description: 'only signals of articles up to this UTC day (YYYY-MM-DD, inclusive)' }),
  pairParam,
  actorParam,
  param({ ...directionParam, description: 'only signals pointing this way' }),
  param({ ...minConfidenceParam, description: 'only signals at least this confident (0–1)' }),
  param({ ...eventTypeParam, description: `only signals of these PLOVER event types, comma-separated, any case` }),
  limitParam(10_000, 100_000),
] as const

export type ExportName = 'shifts' | 'pairs' | 'signals'

export const EXPORT_TYPES = {
  shifts: { route: '/api/shifts.csv', format: 'csv', params: SHIFT_EXPORT_PARAMS },
  pairs: { route: '/api/pairs.csv', format: 'csv', params: PAIR_EXPORT_PARAMS },
  signals: { route: '/api/signals.ndjson', format: 'ndjson', params: SIGNAL_EXPORT_PARAMS },
} as const

export const CSV_TYPE = 'text/csv; charset=utf-8; header=present'
export const NDJSON_TYPE = 'application/x-ndjson'

export interface ExportDeps {
  db: Db
  gazetteer: Gazetteer
  baseUrl: string
}

export interface OpenedExport {
  /** canonical query of the validated parameters */
  canonical: URLSearchParams
  /** for signals: the head of the log this pull ends at (where a complete pull resumes) */
  head?: number
  lines: () => AsyncGenerator<string>
}

async function* take<T>(rows: AsyncIterable<T>, limit: number | undefined, offset = 0): AsyncGenerator<T> {
  let skipped = 0
  let n = 0
  for await (const row of rows) {
    if (skipped < offset) {
      skipped++
      continue
    }
    if (limit !== undefined && n >= limit) return
    n++
    yield row
  }
}

/** Validates the parameters at once (a bad request fails before any byte is sent) and returns the lines to send. */
export async function openExport(deps: ExportDeps, name: ExportName, search: URLSearchParams): Promise<OpenedExport> {
  const ctx: ExportContext = { baseUrl: deps.baseUrl, nameOf: (id) => deps.gazetteer.name(id) }
  if (name === 'shifts') {
    const { values, canonical } = readQuery(search, SHIFT_EXPORT_PARAMS, deps, EXPORT_TYPES.shifts.route)
    const { match, ...filter } = shiftFilter(values, deps.gazetteer)
    return {
      canonical,
      lines: async function* () {
        yield csvHeader(SHIFT_COLUMNS)
        const rows = (async function* () {
          for await (const { shift } of walkShifts(deps.db, filter, 'desc', undefined, 200))
            if (!match || match(shift)) yield shift
        })()
        for await (const shift of take(rows, values.limit)) yield csvRow(SHIFT_COLUMNS, shift, ctx)
      },
    }
  }
  if (name === 'pairs') {
    const { values, canonical } = readQuery(search, PAIR_EXPORT_PARAMS, deps, EXPORT_TYPES.pairs.route)
    const filter = pairFilter(values)
    return {
      canonical,
      lines: async function* () {
        yield csvHeader(PAIR_COLUMNS)
        for await (const pair of take(walkPairs(deps.db, filter), values.limit, values.offset))
          yield csvRow(PAIR_COLUMNS, pair, ctx)
      },
    }
  }
  const { values, canonical } = readQuery(search, SIGNAL_EXPORT_PARAMS, deps, EXPORT_TYPES.signals.route)
  // The shift filters' names and meanings, applied to signals (there is no text filter here).
  const filter = shiftFilter(values, deps.gazetteer)
  const head = await signalLogHead(deps.db)
  return {
    canonical,
    head,
    lines: async function* () {
      for await (const entry of take(walkSignalLog(deps.db, filter, values.cursor ?? 0, head), values.limit ?? 10_000))
        yield signalLine(entry)
    },
  }
}

/**
 * A byte stream over lines, read only as fast as the consumer reads (highWaterMark 0: nothing is read before the
 * first pull, so HEAD and 304 read no rows), in chunks of about 32 KB. Cancelling stops the reads.
 */
export function lineStream(lines: AsyncGenerator<string>, onError: (err: unknown) => void): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let chunk = ''
        try {
          while (chunk.length < 32_768) {
            const next = await lines.next()
            if (next.done) {
              if (chunk) controller.enqueue(encoder.encode(chunk))
              controller.close()
              return
            }
            chunk += next.value
          }
        } catch (err) {
          onError(err)
          controller.error(err)
          return
        }
        controller.enqueue(encoder.encode(chunk))
      },
      async cancel() {
        await lines.return(undefined)
      },
    },
    { highWaterMark: 0 },
  )
}
