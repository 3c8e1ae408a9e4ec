// The poll summary as the HTTP API and the CLI print it: snake_case like every other JSON Entente publishes
// (`last_poll`, `level_before`), whatever the TypeScript names are. Every field is mapped by name, so a field
// added to PollSummary is a type error here until it is given its published name.
import type { PollSummary, SourceReport } from './run-poll.ts'

export interface SourceReportJson {
  url: string
  title: string
  outcome: SourceReport['outcome']
  status: number | null
  new_items: number
  signals: number
  /** new items per language (ISO 639-3), when the source was read */
  languages?: Record<string, number>
  /** new items not analysed for their language, when the source was read */
  unanalysed?: number
  error?: string
  next_poll_at?: string
}

/** What a poll and an import both total, as TypeScript names them. */
export type RunTotals = Pick<
  PollSummary,
  'startedAt' | 'finishedAt' | 'newItems' | 'newSignals' | 'languages' | 'unanalysed' | 'shiftsChanged'
>

export interface RunTotalsJson {
  started_at: string
  finished_at: string
  new_items: number
  new_signals: number
  languages: Record<string, number>
  unanalysed: number
  shifts_changed: number
}

export interface PollSummaryJson extends RunTotalsJson {
  sources: SourceReportJson[]
  websub?: PollSummary['websub']
}

export function sourceReportJson({
  url,
  title,
  outcome,
  status,
  newItems,
  signals,
  languages,
  unanalysed,
  error,
  nextPollAt,
  ...rest
}: SourceReport): SourceReportJson {
  const unmapped: Record<string, never> = rest
  void unmapped
  return {
    url,
    title,
    outcome,
    status,
    new_items: newItems,
    signals,
    ...(languages !== undefined ? { languages } : {}),
    ...(unanalysed !== undefined ? { unanalysed } : {}),
    ...(error !== undefined ? { error } : {}),
    ...(nextPollAt !== undefined ? { next_poll_at: nextPollAt } : {}),
  }
}

export function runTotalsJson(t: RunTotals): RunTotalsJson {
  return {
    started_at: t.startedAt,
    finished_at: t.finishedAt,
    new_items: t.newItems,
    new_signals: t.newSignals,
    languages: t.languages,
    unanalysed: t.unanalysed,
    shifts_changed: t.shiftsChanged,
  }
}

export function pollSummaryJson({ sources, websub, ...totals }: PollSummary): PollSummaryJson {
  // A field of PollSummary that is neither a total nor mapped here is a type error.
  const unmapped: Record<Exclude<keyof typeof totals, keyof RunTotals>, never> = {}
  void unmapped
  return { ...runTotalsJson(totals), sources: sources.map(sourceReportJson), ...(websub ? { websub } : {}) }
}
