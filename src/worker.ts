// Cloudflare Workers entry point: the same Hono app and poll pipeline over D1. The cron polls in-process or,
// with a POLL_QUEUE binding, enqueues one message per due source and the queue handler polls each one.
// Re-analysis goes the same way: POST /admin/reanalyze enqueues a message that re-analyses one chunk of items and
// enqueues the next until none is left (without a queue, each call does a bounded share and answers 202 until done).
import type { Hono } from 'hono'
import bundledOpml from '../feeds/sources.opml'
import { getEngine } from './analyze/engine.ts'
import { ConfigError, parseConfig } from './config.ts'
import { createApp } from './http/app.ts'
import { RenderCache, type SharedCache } from './http/conditional.ts'
import { fetchSourceList } from './ingest/fetch-source-list.ts'
import { readOpml } from './ingest/read-opml.ts'
import { guardedFetch } from './runtime/workers/guarded-fetch.ts'
import { pollSource, runPoll, type Logger, type PollDeps } from './poll/run-poll.ts'
import { DEFAULT_CHUNK, reanalyzeItems } from './poll/reanalyze-items.ts'
import { countPending } from './store/reanalysis-store.ts'
import { engineVersion } from './analyze/engine-version.ts'
import { notifyHub } from './poll/notify-hub.ts'
import { aggregateDirty } from './store/aggregate-dirty.ts'
import { d1Db } from './store/d1-db.ts'
import type { Db } from './store/schema.ts'
import { getSources, syncSources } from './store/sources-store.ts'
import type { Source } from './types.ts'

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

/** Items one request re-analyses when no queue is bound: well within a Worker invocation's CPU and D1 query limits. */
const ITEMS_PER_REQUEST = 4 * DEFAULT_CHUNK

export interface Bindings {
  DB: D1Database
  POLL_QUEUE?: Queue<PollMessage>
  ENTENTE_SOURCES?: string
  ENTENTE_POLL_MINUTES?: string
  ENTENTE_ADMIN_TOKEN?: string
  ENTENTE_BASE_URL?: string
  ENTENTE_ALLOW_HOSTS?: string
  ENTENTE_WEBSUB_HUB?: string
}

const log: Logger = {
  info: (message, fields) => console.log(JSON.stringify({ level: 'info', message, ...fields })),
  warn: (message, fields) => console.warn(JSON.stringify({ level: 'warn', message, ...fields })),
  error: (message, fields) => console.error(JSON.stringify({ level: 'error', message, ...fields })),
}

function settings(env: Bindings) {
  const config = parseConfig(
    { ENTENTE_SOURCES: env.ENTENTE_SOURCES, ENTENTE_POLL_MINUTES: env.ENTENTE_POLL_MINUTES, ENTENTE_ADMIN_TOKEN: env.ENTENTE_ADMIN_TOKEN, ENTENTE_BASE_URL: env.ENTENTE_BASE_URL, ENTENTE_ALLOW_HOSTS: env.ENTENTE_ALLOW_HOSTS, ENTENTE_WEBSUB_HUB: env.ENTENTE_WEBSUB_HUB },
    { sources: 'bundled', dbPath: 'd1' },
  )
  // A cron or queue invocation has no request whose origin could name the feeds the hub is told about.
  if (config.websubHub && !env.ENTENTE_BASE_URL?.trim()) throw new ConfigError('ENTENTE_WEBSUB_HUB needs ENTENTE_BASE_URL on Workers: the topics the hub is told about are feed URLs under it')
  if (config.sources !== 'bundled' && !/^https?:\/\//i.test(config.sources)) {
    throw new ConfigError('ENTENTE_SOURCES must be an http(s) URL to an OPML file on Workers (unset: the bundled feeds/sources.opml)')
  }
  return config
}

async function loadSources(env: Bindings): Promise<Source[]> {
  const { sources, allowHosts } = settings(env)
  if (sources === 'bundled') return readOpml(bundledOpml)
  return fetchSourceList(guardedFetch(allowHosts), sources)
}

/**
 * Rendered feeds shared by the isolates of a colo; keys carry the data version, so stale ones are never read,
 * and the base URL, because a rendering's self links and ids are made from it: with ENTENTE_BASE_URL unset, each
 * origin the Worker answers on has its own renderings.
 */
function cacheApi(base: string): SharedCache | undefined {
  if (typeof caches === 'undefined') return undefined
  // workers-types' CacheStorage has `default`; the DOM typing the rest of the project uses does not.
  const cache = (caches as unknown as { default: Cache }).default
  const url = (key: string) => `https://render-cache.entente.internal/${encodeURIComponent(base)}/${key}`
  return {
    async get(key) {
      const hit = await cache.match(url(key))
      return hit ? hit.text() : undefined
    },
    async put(key, body) {
      await cache.put(url(key), new Response(body, { headers: { 'Cache-Control': 'public, max-age=86400' } }))
    },
  }
}

function pollDeps(db: Db, env: Bindings): PollDeps {
  const { allowHosts, websubHub, baseUrl } = settings(env)
  return { fetch: guardedFetch(allowHosts), db, now: () => new Date(), log, concurrency: 4, ...(websubHub ? { websub: { hub: websubHub, baseUrl } } : {}) }
}

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
    poll: async () => runPoll(pollDeps(db, env), await loadSources(env)),
    reanalyze: async (since) => {
      if (env.POLL_QUEUE) {
        const remaining = await countPending(db, engineVersion(), since)
        if (remaining) await env.POLL_QUEUE.send({ reanalyze: { since } })
        return { engine: engineVersion(), since, items: 0, changedItems: 0, signalsBefore: 0, signalsAfter: 0, remaining, shiftsChanged: 0, queued: remaining > 0 }
      }
      return reanalyzeItems({ db, now: () => new Date() }, { since, maxItems: ITEMS_PER_REQUEST })
    },
    cache: new RenderCache({ shared: cacheApi(base), namespace: base }),
    websubHub: config.websubHub,
  })
  current = { d1: env.DB, base, hub: config.websubHub, app }
  return app
}

/** Enqueues one message per source that is due (not backing off); returns how many were sent. */
export async function enqueueDueSources(env: Bindings & { POLL_QUEUE: Queue<PollMessage> }, now: Date): Promise<number> {
  const db = d1Db(env.DB)
  const sources = await loadSources(env)
  const rows = await syncSources(db, sources)
  const due = sources.filter((s) => {
    const next = rows.get(s.url)?.next_poll_at
    return !next || next <= now.toISOString()
  })
  for (let i = 0; i < due.length; i += 100) {
    await env.POLL_QUEUE.sendBatch(due.slice(i, i + 100).map((s) => ({ body: { url: s.url, title: s.title } })))
  }
  log.info('poll enqueued', { due: due.length, sources: sources.length })
  return due.length
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
    const db = d1Db(env.DB)
    ctx.waitUntil(Promise.resolve())
    await runPoll(pollDeps(db, env), await loadSources(env))
  },

  async queue(batch: MessageBatch<PollMessage>, env: Bindings): Promise<void> {
    const db = d1Db(env.DB)
    const deps = pollDeps(db, env)
    const rows = await getSources(db, batch.messages.flatMap((m) => (isReanalysis(m.body) ? [] : [m.body.url])))
    for (const msg of batch.messages) {
      const body = msg.body
      try {
        if (isReanalysis(body)) {
          // One chunk per message; the next chunk is its own message, so no invocation outgrows its limits.
          const run = await reanalyzeItems({ db, now: () => new Date() }, { since: body.reanalyze.since, maxItems: DEFAULT_CHUNK, aggregate: false })
          if (run.remaining > 0 && env.POLL_QUEUE) await env.POLL_QUEUE.send({ reanalyze: body.reanalyze })
          log.info('reanalysis chunk', { items: run.items, changed: run.changedItems, remaining: run.remaining })
          msg.ack()
          continue
        }
        // The cron already honoured backoff when it enqueued: poll now.
        await pollSource(deps, body, rows.get(body.url), true)
        msg.ack()
      } catch (err) {
        log.error(isReanalysis(body) ? 'queued reanalysis failed' : 'queued poll failed', { ...(isReanalysis(body) ? {} : { source: body.url }), error: String(err), attempt: msg.attempts })
        msg.retry({ delaySeconds: Math.min(3600, 60 * 2 ** msg.attempts) })
      }
    }
    const { changedPairs, corrected } = await aggregateDirty(db, new Date())
    if (deps.websub) await notifyHub(deps.fetch, deps.websub, changedPairs, log, corrected > 0)
  },
} satisfies ExportedHandler<Bindings, PollMessage>
