import type { Gazetteer } from '../analyze/mentions/gazetteer.ts'
import type { PollSummary } from '../poll/run-poll.ts'
import type { ReanalysisRun } from '../poll/reanalyze-items.ts'
import type { Db } from '../store/schema.ts'
import type { RenderCache } from './conditional.ts'

export interface AppDeps {
  db: Db
  gazetteer: Gazetteer
  baseUrl: string
  pollMinutes: number
  adminToken: string | null
  /** runs one poll now; absent where polling is not wired (tests of read routes) */
  poll?: () => Promise<PollSummary>
  cache: RenderCache
  /** the WebSub hub the plain feeds advertise (ENTENTE_WEBSUB_HUB) */
  websubHub?: string | null
  /** re-analyses stored items (since a day) with the current engine; absent where it is not wired */
  reanalyze?: (since: string | null) => Promise<ReanalysisRun & { queued?: boolean }>
  /** the clock pages and feeds are read at: levels decay and evidence ages up to it (default: the real clock) */
  now?: () => Date
}

export const readingTime = (deps: Pick<AppDeps, 'now'>): Date => deps.now?.() ?? new Date()
