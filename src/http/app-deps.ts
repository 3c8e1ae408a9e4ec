import type { Gazetteer } from '../analyze/mentions/gazetteer.ts'
import type { PollSummary } from '../poll/run-poll.ts'
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
}
