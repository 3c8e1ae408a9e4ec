// WebSub publishing: after a poll changed shifts, tell the hub which feeds changed, so subscribers (Miniflux,
// FreshRSS, Inoreader…) get them pushed instead of polling. Notifications go through the poller's own fetch, the
// one ENTENTE_ALLOW_HOSTS governs: a hub on a private address is reached only when the operator names it.
import type { FetchLike } from '../ingest/fetch-source.ts'
import { changedFeedUrls } from '../publish/feed-urls.ts'
import type { Logger } from './run-poll.ts'

export interface WebSubSettings {
  /** the hub's publish endpoint */
  hub: string
  /** the public base URL the feeds (and so the topics) live under */
  baseUrl: string
}

export interface WebSubReport {
  hub: string
  /** topic URLs the hub was to be told about */
  topics: number
  /** topics the hub accepted (2xx) */
  notified: number
  failed: number
  /** the first few failures, each naming its topic */
  errors?: string[]
}

const CONCURRENCY = 4
const TIMEOUT_MS = 10_000
const MAX_ERRORS = 5

/**
 * One POST per topic, `hub.mode=publish&hub.url=TOPIC` (form-encoded), the publish ping hubs accept: hubs differ
 * on whether `hub.url` may repeat, so each topic gets its own request. A failed ping is retried once and then
 * reported; it never fails the poll, whose data is already stored.
 */
export async function notifyHub(
  fetchFn: FetchLike,
  settings: WebSubSettings,
  changedPairs: string[],
  log: Logger,
  corrected = false,
): Promise<WebSubReport | undefined> {
  const topics = changedFeedUrls(settings.baseUrl, changedPairs, corrected)
  if (!topics.length) return undefined
  const errors: string[] = []
  let notified = 0
  const ping = async (topic: string): Promise<string | null> => {
    try {
      const res = await fetchFn(settings.hub, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'User-Agent': 'Entente (WebSub publisher)' },
        body: new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': topic }).toString(),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      })
      await res.body?.cancel().catch(() => {})
      return res.status >= 200 && res.status < 300 ? null : `HTTP ${res.status}`
    } catch (err) {
      return err instanceof Error ? err.message : String(err)
    }
  }
  let next = 0
  const worker = async () => {
    while (next < topics.length) {
      const topic = topics[next++]!
      let error = await ping(topic)
      // A refusal (4xx but 429) will not change on a second try; a timeout or a busy hub may.
      if (error && !/^HTTP 4(?!29)/.test(error)) error = await ping(topic)
      if (!error) notified++
      else if (errors.length < MAX_ERRORS) errors.push(`${topic}: ${error}`)
    }
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, topics.length) }, worker))
  const failed = topics.length - notified
  const report: WebSubReport = {
    hub: settings.hub,
    topics: topics.length,
    notified,
    failed,
    ...(errors.length ? { errors } : {}),
  }
  if (failed)
    log.warn('websub hub not notified of every feed', {
      hub: settings.hub,
      topics: topics.length,
      failed,
      first_error: errors[0],
    })
  else log.info('websub hub notified', { hub: settings.hub, topics: topics.length })
  return report
}
