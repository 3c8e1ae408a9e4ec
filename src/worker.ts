// Cloudflare Workers entry point: the same Hono app and poll pipeline over D1, wired from the Workers adapter in
// src/runtime/workers/. The cron polls in-process or, with a POLL_QUEUE binding, enqueues one message per due source
// and the queue handler polls each one. Re-analysis goes the same way: POST /admin/reanalyze enqueues a message that
// re-analyses one chunk of items and enqueues the next until none is left (without a queue, each call does a bounded
// share and answers 202 until done).
import type { Hono } from 'hono'
import { getEngine } from './analyze/engine.ts'
import { engineVersion } from './analyze/engine-version.ts'
import { ConfigError } from './config.ts'
import { createApp } from './http/app.ts'
import { RenderCache } from './http/conditional.ts'
import { DEFAULT_CHUNK, reanalyzeItems } from './poll/reanalyze-items.ts'
import { runPoll } from './poll/run-poll.ts'
import { countPending } from './store/reanalysis-store.ts'
import {
  cacheApi,
  d1Db,
  enqueueDueSources,
  handleQueue,
  jsonLogger as log,
  settings,
  workerPollDeps,
  workerSources,
  type Bindings,
  type PollMessage,
} from './runtime/workers/index.ts'

export {
  enqueueDueSources,
  type Bindings,
  type PollMessage,
  type ReanalyzeMessage,
  type SourceMessage,
} from './runtime/workers/index.ts'

/** Items one request re-analyses when no queue is bound: well within a Worker invocation's CPU and D1 query limits. */
const ITEMS_PER_REQUEST = 4 * DEFAULT_CHUNK

let current: { d1: D1Database; base: string; hub: string | null; app: Hono } | null = null

function appFor(env: Bindings, requestUrl: string): Hono {
  const config = settings(env)
  const base = env.ENTENTE_BASE_URL?.trim() ? config.baseUrl : new URL(requestUrl).origin
  if (current?.d1 === env.DB && current.base === base && current.hub === config.websubHub) return current.app
  const db = d1Db(env.DB)
  const app = createApp({
    db,
    gazetteer: getEngine().gazetteer,
    baseUrl: base,
    pollMinutes: config.pollMinutes,
    adminToken: config.adminToken,
    poll: async () => runPoll(workerPollDeps(db, env), await workerSources(env)),
    reanalyze: async (since) => {
      if (env.POLL_QUEUE) {
        const remaining = await countPending(db, engineVersion(), since)
        if (remaining) await env.POLL_QUEUE.send({ reanalyze: { since } })
        return {
          engine: engineVersion(),
          since,
          items: 0,
          changedItems: 0,
          signalsBefore: 0,
          signalsAfter: 0,
          remaining,
          shiftsChanged: 0,
          queued: remaining > 0,
        }
      }
      return reanalyzeItems({ db, now: () => new Date() }, { since, maxItems: ITEMS_PER_REQUEST })
    },
    cache: new RenderCache({ shared: cacheApi(base), namespace: base }),
    websubHub: config.websubHub,
  })
  current = { d1: env.DB, base, hub: config.websubHub, app }
  return app
}

export default {
  async fetch(request: Request, env: Bindings): Promise<Response> {
    try {
      return await appFor(env, request.url).fetch(request)
    } catch (err) {
      const message = err instanceof ConfigError ? err.message : 'internal error'
      if (!(err instanceof ConfigError)) log.error('request failed', { error: String(err) })
      return Response.json({ error: { status: 500, message } }, { status: 500 })
    }
  },

  async scheduled(controller: ScheduledController, env: Bindings, ctx: ExecutionContext): Promise<void> {
    const now = new Date(controller.scheduledTime)
    if (env.POLL_QUEUE) {
      await enqueueDueSources(env as Bindings & { POLL_QUEUE: Queue<PollMessage> }, now)
      return
    }
    ctx.waitUntil(Promise.resolve())
    await runPoll(workerPollDeps(d1Db(env.DB), env), await workerSources(env))
  },

  queue: handleQueue,
} satisfies ExportedHandler<Bindings, PollMessage>
