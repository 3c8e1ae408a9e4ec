// The Worker's queue: the cron enqueues one message per due source, and each message polls one source (retries
// with backoff come from the queue). Re-analysis rides the same queue, one chunk of items per message.
import { notifyHub } from '../../poll/notify-hub.ts'
import { DEFAULT_CHUNK, reanalyzeItems } from '../../poll/reanalyze-items.ts'
import { pollSource } from '../../poll/run-poll.ts'
import { aggregateDirty } from '../../store/aggregate-dirty.ts'
import { chunk } from '../../store/d1-limits.ts'
import { getSources, syncSources } from '../../store/sources-store.ts'
import { d1Db } from './d1-db.ts'
import { jsonLogger as log } from './json-logger.ts'
import { workerPollDeps, workerSources, type Bindings } from './worker-settings.ts'

/** One source to poll. */
export interface SourceMessage {
  url: string
  title: string
}

/** One chunk of re-analysis: items published since a day (or all) not yet analysed with this engine. */
export interface ReanalyzeMessage {
  reanalyze: { since: string | null }
}

export type PollMessage = SourceMessage | ReanalyzeMessage

const isReanalysis = (m: PollMessage): m is ReanalyzeMessage => 'reanalyze' in m

/** Enqueues one message per source that is due (not backing off); returns how many were sent. */
export async function enqueueDueSources(
  env: Bindings & { POLL_QUEUE: Queue<PollMessage> },
  now: Date,
): Promise<number> {
  const db = d1Db(env.DB)
  const sources = await workerSources(env)
  const rows = await syncSources(db, sources)
  const due = sources.filter((s) => {
    const next = rows.get(s.url)?.next_poll_at
    return !next || next <= now.toISOString()
  })
  // Queues take at most 100 messages per sendBatch.
  for (const some of chunk(due, 100))
    await env.POLL_QUEUE.sendBatch(some.map((s) => ({ body: { url: s.url, title: s.title } })))
  log.info('poll enqueued', { due: due.length, sources: sources.length })
  return due.length
}

export async function handleQueue(batch: MessageBatch<PollMessage>, env: Bindings): Promise<void> {
  const db = d1Db(env.DB)
  const deps = workerPollDeps(db, env)
  const rows = await getSources(
    db,
    batch.messages.flatMap((m) => (isReanalysis(m.body) ? [] : [m.body.url])),
  )
  for (const msg of batch.messages) {
    const body = msg.body
    try {
      if (isReanalysis(body)) {
        // One chunk per message; the next chunk is its own message, so no invocation outgrows its limits.
        const run = await reanalyzeItems(
          { db, now: () => new Date() },
          { since: body.reanalyze.since, maxItems: DEFAULT_CHUNK, aggregate: false },
        )
        if (run.remaining > 0 && env.POLL_QUEUE) await env.POLL_QUEUE.send({ reanalyze: body.reanalyze })
        log.info('reanalysis chunk', { items: run.items, changed: run.changedItems, remaining: run.remaining })
        msg.ack()
        continue
      }
      // The cron already honoured backoff when it enqueued: poll now.
      await pollSource(deps, body, rows.get(body.url), { force: true })
      msg.ack()
    } catch (err) {
      log.error(isReanalysis(body) ? 'queued reanalysis failed' : 'queued poll failed', {
        ...(isReanalysis(body) ? {} : { source: body.url }),
        error: String(err),
        attempt: msg.attempts,
      })
      msg.retry({ delaySeconds: Math.min(3600, 60 * 2 ** msg.attempts) })
    }
  }
  const { changedPairs, corrected } = await aggregateDirty(db, new Date())
  if (deps.websub) await notifyHub(deps.fetch, deps.websub, changedPairs, log, corrected > 0)
}
