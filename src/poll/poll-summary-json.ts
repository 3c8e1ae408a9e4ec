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

export interface PollSummaryJson {
  started_at: string
  finished_at: string
  sources: SourceReportJson[]
  new_items: number
  new_signals: number
  languages: Record<string, number>
  unanalysed: number
  shifts_changed: number
  websub?: PollSummary['websub']
}

function sourceJson({ url, title, outcome, status, newItems, signals, languages, unanalysed, error, nextPollAt, ...rest }: SourceReport): SourceReportJson {
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

export function pollSummaryJson({ startedAt, finishedAt, sources, newItems, newSignals, languages, unanalysed, shiftsChanged, websub, ...rest }: PollSummary): PollSummaryJson {
  const unmapped: Record<string, never> = rest
  void unmapped
  return {
    started_at: startedAt,
    finished_at: finishedAt,
    sources: sources.map(sourceJson),
    new_items: newItems,
    new_signals: newSignals,
    languages,
    unanalysed,
    shifts_changed: shiftsChanged,
    ...(websub ? { websub } : {}),
  }
}
