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
  error?: string
  next_poll_at?: string
}

export interface PollSummaryJson {
  started_at: string
  finished_at: string
  sources: SourceReportJson[]
  new_items: number
  new_signals: number
  shifts_changed: number
  websub?: PollSummary['websub']
}

function sourceJson({ url, title, outcome, status, newItems, signals, error, nextPollAt, ...rest }: SourceReport): SourceReportJson {
  const unmapped: Record<string, never> = rest
  void unmapped
  return { url, title, outcome, status, new_items: newItems, signals, ...(error !== undefined ? { error } : {}), ...(nextPollAt !== undefined ? { next_poll_at: nextPollAt } : {}) }
}

export function pollSummaryJson({ startedAt, finishedAt, sources, newItems, newSignals, shiftsChanged, websub, ...rest }: PollSummary): PollSummaryJson {
  const unmapped: Record<string, never> = rest
  void unmapped
  return {
    started_at: startedAt,
    finished_at: finishedAt,
    sources: sources.map(sourceJson),
    new_items: newItems,
    new_signals: newSignals,
    shifts_changed: shiftsChanged,
    ...(websub ? { websub } : {}),
  }
}
