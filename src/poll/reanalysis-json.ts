// A re-analysis run as the HTTP API and the CLI print it: snake_case like every other JSON Entente publishes. Every
// field is mapped by name, so a field added to ReanalysisRun is a type error here until it is given its name.
import type { ReanalysisRun } from './reanalyze-items.ts'

export interface ReanalysisJson {
  engine: string
  since: string | null
  items: number
  changed_items: number
  signals_before: number
  signals_after: number
  remaining: number
  shifts_changed: number
  /** on Workers with a queue: the work was enqueued rather than done in the request */
  queued?: boolean
}

export function reanalysisJson({
  engine,
  since,
  items,
  changedItems,
  signalsBefore,
  signalsAfter,
  remaining,
  shiftsChanged,
  queued,
  ...rest
}: ReanalysisRun & { queued?: boolean }): ReanalysisJson {
  const unmapped: Record<string, never> = rest
  void unmapped
  return {
    engine,
    since,
    items,
    changed_items: changedItems,
    signals_before: signalsBefore,
    signals_after: signalsAfter,
    remaining,
    shifts_changed: shiftsChanged,
    ...(queued !== undefined ? { queued } : {}),
  }
}
