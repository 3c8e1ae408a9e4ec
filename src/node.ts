// Node entry point: better-sqlite3 behind Kysely, files for migrations and sources, the HTTP server and the
// poll timer. Everything runtime-specific for Node lives here.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import Database from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { getEngine } from './analyze/engine.ts'
import { parseConfig, type Config } from './config.ts'
import { createApp } from './http/app.ts'
import { RenderCache } from './http/conditional.ts'
import { readOpml } from './ingest/read-opml.ts'
import { runPoll, type Logger, type PollSummary } from './poll/run-poll.ts'
import { migrate, type Migration } from './store/migrate.ts'
import type { Db, Schema } from './store/schema.ts'
import type { Source } from './types.ts'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

export function readMigrations(dir = join(ROOT, 'sql')): Migration[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(dir, name), 'utf8') }))
}

export interface SqliteDb extends Db {
  close(): Promise<void>
}

/** Opens (creating if needed) and migrates a SQLite database file. */
export async function openSqlite(path: string): Promise<SqliteDb> {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true })
  const sqlite = new Database(path)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('busy_timeout = 5000')
  const kysely = new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) })
  await migrate(kysely, readMigrations())
  return {
    kysely,
    async batch(queries) {
      if (!queries.length) return
      await kysely.transaction().execute(async (trx) => {
        for (const q of queries) await trx.executeQuery(q)
      })
    },
    close: () => kysely.destroy(),
  }
}

export function consoleLogger(stream: NodeJS.WritableStream = process.stderr): Logger {
  const line = (level: string, message: string, fields?: Record<string, unknown>) => {
    const kv = Object.entries(fields ?? {})
      .map(([k, v]) => `${k}=${typeof v === 'string' && !/\s/.test(v) ? v : JSON.stringify(v)}`)
      .join(' ')
    stream.write(`${new Date().toISOString()} ${level} ${message}${kv ? ' ' + kv : ''}\n`)
  }
  return { info: (m, f) => line('info', m, f), warn: (m, f) => line('warn', m, f), error: (m, f) => line('error', m, f) }
}

export async function loadSources(location: string, fetchFn: typeof fetch = fetch): Promise<Source[]> {
  let text: string
  if (/^https?:\/\//i.test(location)) {
    const res = await fetchFn(location, { headers: { 'User-Agent': 'Entente/0.1 (sources list)' } })
    if (!res.ok) throw new Error(`ENTENTE_SOURCES ${location} answered HTTP ${res.status}`)
    text = await res.text()
  } else {
    try {
      text = readFileSync(resolve(location), 'utf8')
    } catch (err) {
      throw new Error(`cannot read ENTENTE_SOURCES file ${location}: ${(err as Error).message}`)
    }
  }
  return readOpml(text)
}

export function nodeConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return parseConfig(env, { sources: join(ROOT, 'feeds', 'sources.opml'), dbPath: join(ROOT, 'data', 'entente.db') })
}

export async function startServer(config: Config, log: Logger = consoleLogger()) {
  const db = await openSqlite(config.dbPath)
  let polling: Promise<PollSummary> | null = null
  const pollOnce = async (): Promise<PollSummary> => {
    if (polling) return polling
    polling = (async () => {
      const sources = await loadSources(config.sources)
      return runPoll({ fetch, db, now: () => new Date(), log }, sources)
    })()
    try {
      return await polling
    } finally {
      polling = null
    }
  }
  const app = createApp({ db, gazetteer: getEngine().gazetteer, baseUrl: config.baseUrl, pollMinutes: config.pollMinutes, adminToken: config.adminToken, poll: pollOnce, cache: new RenderCache() })
  const server = serve({ fetch: app.fetch, port: config.port })
  await new Promise<void>((ok, fail) => {
    server.once('listening', () => ok())
    server.once('error', fail)
  })
  log.info('listening', { url: `http://localhost:${config.port}`, base_url: config.baseUrl, db: config.dbPath, sources: config.sources, poll_minutes: config.pollMinutes })
  const tick = () =>
    pollOnce().catch((err: unknown) => log.error('poll failed', { error: err instanceof Error ? err.message : String(err) }))
  let timer: NodeJS.Timeout | null = null
  if (config.pollMinutes > 0) {
    void tick()
    timer = setInterval(tick, config.pollMinutes * 60_000)
  }
  return {
    app,
    db,
    async close() {
      if (timer) clearInterval(timer)
      await new Promise<void>((ok) => server.close(() => ok()))
      await polling?.catch(() => {})
      await db.close()
    },
  }
}

export async function runNodeCommand(command: string, args: string[]): Promise<number> {
  const config = nodeConfig()
  const log = consoleLogger()
  if (command === 'migrate') {
    const db = await openSqlite(config.dbPath)
    await db.close()
    log.info('database ready', { db: config.dbPath })
    return 0
  }
  if (command === 'poll') {
    if (!args.includes('--once')) throw new Error('poll runs one cycle: use `entente poll --once`')
    const db = await openSqlite(config.dbPath)
    try {
      const summary = await runPoll({ fetch, db, now: () => new Date(), log }, await loadSources(config.sources), { force: args.includes('--force') })
      process.stdout.write(JSON.stringify(summary, null, 2) + '\n')
      return summary.sources.some((s) => s.outcome === 'error') ? 3 : 0
    } finally {
      await db.close()
    }
  }
  const running = await startServer(config, log)
  const stop = async () => {
    log.info('shutting down')
    await running.close()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  await new Promise(() => {})
  return 0
}
