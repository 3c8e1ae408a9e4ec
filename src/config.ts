// Settings from the environment (Node) or Worker vars. Invalid values stop start-up with a one-line
// message naming the variable.
import { checkUrl, parseAllowHosts, type AllowedHost } from './ingest/url-policy.ts'

export interface Config {
  port: number
  dbPath: string
  sources: string
  pollMinutes: number
  adminToken: string | null
  baseUrl: string
  /** hosts the poller may fetch although their address is not public (loopback test servers, an intranet feed) */
  allowHosts: AllowedHost[]
  /** the WebSub hub feeds advertise and polls notify; null: no hub */
  websubHub: string | null
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

type Env = Record<string, string | undefined>

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]
  if (raw === undefined || raw.trim() === '') return fallback
  if (!/^\d+$/.test(raw.trim()))
    throw new ConfigError(`${name} must be a whole number between ${min} and ${max}, got "${raw}"`)
  const n = Number(raw)
  if (n < min || n > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${n}`)
  return n
}

export function parseConfig(env: Env, defaults: { sources: string; dbPath: string }): Config {
  const port = integer(env, 'PORT', 8787, 1, 65535)
  const pollMinutes = integer(env, 'ENTENTE_POLL_MINUTES', 15, 0, 10080)
  const dbPath = env.ENTENTE_DB?.trim() || defaults.dbPath
  const sources = env.ENTENTE_SOURCES?.trim() || defaults.sources
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(sources) && !/^https?:\/\//i.test(sources)) {
    throw new ConfigError(`ENTENTE_SOURCES must be a file path or an http(s) URL, got "${sources}"`)
  }
  const token = env.ENTENTE_ADMIN_TOKEN
  if (token !== undefined && token !== '' && token.trim().length < 8) {
    throw new ConfigError('ENTENTE_ADMIN_TOKEN must be at least 8 characters (or unset to disable admin routes)')
  }
  let baseUrl = env.ENTENTE_BASE_URL?.trim() || `http://localhost:${port}`
  try {
    const u = new URL(baseUrl)
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error()
    if (u.search || u.hash) throw new ConfigError('ENTENTE_BASE_URL must not have a query or fragment')
    baseUrl = u.toString().replace(/\/+$/, '')
  } catch (err) {
    if (err instanceof ConfigError) throw err
    throw new ConfigError(`ENTENTE_BASE_URL must be an absolute http(s) URL, got "${baseUrl}"`)
  }
  let allowHosts: AllowedHost[]
  try {
    allowHosts = parseAllowHosts(env.ENTENTE_ALLOW_HOSTS)
  } catch (err) {
    throw new ConfigError(
      `ENTENTE_ALLOW_HOSTS must list hosts or host:port pairs separated by commas: ${(err as Error).message}`,
    )
  }
  return {
    port,
    dbPath,
    sources,
    pollMinutes,
    adminToken: token ? token.trim() : null,
    baseUrl,
    allowHosts,
    websubHub: websubHub(env.ENTENTE_WEBSUB_HUB, allowHosts),
  }
}

/** The hub is pinged through the poller's fetch, so its address must pass the same policy as a feed's. */
function websubHub(raw: string | undefined, allowHosts: AllowedHost[]): string | null {
  const value = raw?.trim()
  if (!value) return null
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new ConfigError(`ENTENTE_WEBSUB_HUB must be an absolute http(s) URL, got "${value.slice(0, 200)}"`)
  }
  if (url.hash) throw new ConfigError('ENTENTE_WEBSUB_HUB must not have a fragment')
  try {
    checkUrl(url, allowHosts)
  } catch (err) {
    throw new ConfigError(`ENTENTE_WEBSUB_HUB ${(err as Error).message}`)
  }
  return url.toString()
}
