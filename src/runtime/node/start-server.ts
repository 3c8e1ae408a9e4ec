// The service on Node: the migrated SQLite file, the Hono app behind @hono/node-server with compression, and the
// poll timer. Polls coalesce: a tick or admin request while one runs gets that poll's summary instead of a second.
import { serve } from '@hono/node-server'
import { getEngine } from '../../analyze/engine.ts'
import type { Config } from '../../config.ts'
import { createApp } from '../../http/app.ts'
import { RenderCache } from '../../http/conditional.ts'
import { loadSources } from '../../ingest/load-sources.ts'
import { runPoll, type Logger, type PollDeps, type PollSummary } from '../../poll/run-poll.ts'
import { reanalyzeItems } from '../../poll/reanalyze-items.ts'
import { consoleLogger } from './console-logger.ts'
import { guardedFetch } from './guarded-fetch.ts'
import { openSqlite, readSourceFile } from './node-config.ts'
import type { SqliteDb } from './sqlite-db.ts'
import { withCompression } from './with-compression.ts'

/** What a poll on Node is handed, from the configuration: the guarded fetch, the real clock, the hub if any. */
export function nodePollDeps(config: Config, db: SqliteDb, log: Logger): PollDeps {
  return {
    fetch: guardedFetch(config.allowHosts),
    db,
    now: () => new Date(),
    log,
    ...(config.websubHub ? { websub: { hub: config.websubHub, baseUrl: config.baseUrl } } : {}),
  }
}

export async function startServer(config: Config, log: Logger = consoleLogger()) {
  const db = await openSqlite(config.dbPath)
  const deps = nodePollDeps(config, db, log)
  let polling: Promise<PollSummary> | null = null
  const pollOnce = async (): Promise<PollSummary> => {
    if (polling) return polling
    polling = (async () => runPoll(deps, await loadSources(config.sources, deps.fetch, readSourceFile)))()
    try {
      return await polling
    } finally {
      polling = null
    }
  }
  const cache = new RenderCache()
  const reanalyze = (since: string | null) =>
    reanalyzeItems({ db, now: () => new Date(), progress: (p) => log.info('reanalyze', { ...p }) }, { since })
  const app = createApp({
    db,
    gazetteer: getEngine().gazetteer,
    baseUrl: config.baseUrl,
    pollMinutes: config.pollMinutes,
    adminToken: config.adminToken,
    poll: pollOnce,
    reanalyze,
    cache,
    websubHub: config.websubHub,
  })
  const server = serve({ fetch: withCompression((req) => app.fetch(req)), port: config.port })
  await new Promise<void>((ok, fail) => {
    server.once('listening', () => ok())
    server.once('error', fail)
  })
  log.info('listening', {
    url: `http://localhost:${config.port}`,
    base_url: config.baseUrl,
    db: config.dbPath,
    sources: config.sources,
    poll_minutes: config.pollMinutes,
  })
  const tick = () =>
    pollOnce().catch((err: unknown) =>
      log.error('poll failed', { error: err instanceof Error ? err.message : String(err) }),
    )
  let timer: NodeJS.Timeout | null = null
  if (config.pollMinutes > 0) {
    void tick()
    timer = setInterval(tick, config.pollMinutes * 60_000)
  }
  return {
    app,
    db,
    cache,
    async close() {
      if (timer) clearInterval(timer)
      await new Promise<void>((ok) => server.close(() => ok()))
      await polling?.catch(() => {})
      await db.close()
    },
  }
}
