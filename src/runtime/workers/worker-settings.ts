// The Worker's bindings and what follows from them: the configuration (with the Workers-only rules on sources and
// WebSub), the source list (bundled or fetched) and what a poll is handed.
import bundledOpml from '../../../feeds/sources.opml'
import { ConfigError, parseConfig, type Config } from '../../config.ts'
import { loadSources } from '../../ingest/load-sources.ts'
import type { PollDeps } from '../../poll/run-poll.ts'
import type { Db } from '../../store/schema.ts'
import type { Source } from '../../types.ts'
import { guardedFetch } from './guarded-fetch.ts'
import { jsonLogger } from './json-logger.ts'
import type { PollMessage } from './queue-handler.ts'

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

export function settings(env: Bindings): Config {
  const config = parseConfig(
    {
      ENTENTE_SOURCES: env.ENTENTE_SOURCES,
      ENTENTE_POLL_MINUTES: env.ENTENTE_POLL_MINUTES,
      ENTENTE_ADMIN_TOKEN: env.ENTENTE_ADMIN_TOKEN,
      ENTENTE_BASE_URL: env.ENTENTE_BASE_URL,
      ENTENTE_ALLOW_HOSTS: env.ENTENTE_ALLOW_HOSTS,
      ENTENTE_WEBSUB_HUB: env.ENTENTE_WEBSUB_HUB,
    },
    { sources: 'bundled', dbPath: 'd1' },
  )
  // A cron or queue invocation has no request whose origin could name the feeds the hub is told about.
  if (config.websubHub && !env.ENTENTE_BASE_URL?.trim())
    throw new ConfigError(
      'ENTENTE_WEBSUB_HUB needs ENTENTE_BASE_URL on Workers: the topics the hub is told about are feed URLs under it',
    )
  if (config.sources !== 'bundled' && !/^https?:\/\//i.test(config.sources)) {
    throw new ConfigError(
      'ENTENTE_SOURCES must be an http(s) URL to an OPML file on Workers (unset: the bundled feeds/sources.opml)',
    )
  }
  return config
}

/** The bundled feeds/sources.opml, or the list at ENTENTE_SOURCES' URL (a Worker has no files to read). */
export async function workerSources(env: Bindings): Promise<Source[]> {
  const { sources, allowHosts } = settings(env)
  return loadSources(sources, guardedFetch(allowHosts), () => bundledOpml)
}

export function workerPollDeps(db: Db, env: Bindings): PollDeps {
  const { allowHosts, websubHub, baseUrl } = settings(env)
  return {
    fetch: guardedFetch(allowHosts),
    db,
    now: () => new Date(),
    log: jsonLogger,
    concurrency: 4,
    ...(websubHub ? { websub: { hub: websubHub, baseUrl } } : {}),
  }
}
