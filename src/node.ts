// Node entry point: better-sqlite3 behind Kysely, files for migrations and sources, the HTTP server and the
// poll timer. Everything runtime-specific for Node lives here.
import { createWriteStream, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, type WriteStream } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import { getEngine } from './analyze/engine.ts'
import { runImport } from './cli/import-command.ts'
import { importSummaryJson } from './cli/import-summary-json.ts'
import { parseConfig, type Config } from './config.ts'
import { createApp } from './http/app.ts'
import { RenderCache } from './http/conditional.ts'
import type { FetchLike } from './ingest/fetch-source.ts'
import { fetchSourceList } from './ingest/fetch-source-list.ts'
import { readOpml } from './ingest/read-opml.ts'
import { guardedFetch } from './runtime/node/guarded-fetch.ts'
import { withCompression } from './runtime/node/with-compression.ts'
import { runPoll, type Logger, type PollSummary } from './poll/run-poll.ts'
import { reanalyzeItems, type ReanalysisProgress } from './poll/reanalyze-items.ts'
import { reanalysisJson } from './poll/reanalysis-json.ts'
import { pollSummaryJson } from './poll/poll-summary-json.ts'
import { parseExportArgs } from './cli/export-command.ts'
import { openExport } from './http/export-streams.ts'
import type { Migration } from './store/migrate.ts'
import { openSqlite as openSqliteWith, type SqliteDb } from './runtime/node/sqlite-db.ts'
import type { Source } from './types.ts'

export { cachingStatements, type SqliteDb } from './runtime/node/sqlite-db.ts'
export { withCompression } from './runtime/node/with-compression.ts'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

export function readMigrations(dir = join(ROOT, 'sql')): Migration[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(dir, name), 'utf8') }))
}

/** Opens (creating if needed) and migrates a SQLite database file with the migrations in sql/. */
export async function openSqlite(path: string): Promise<SqliteDb> {
  return openSqliteWith(path, readMigrations())
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

/** The source list from a file, or from an http(s) URL through the poller's guarded fetch and its limits. */
export async function loadSources(location: string, fetchFn: FetchLike): Promise<Source[]> {
  if (/^https?:\/\//i.test(location)) return fetchSourceList(fetchFn, location)
  let text: string
  try {
    text = readFileSync(resolve(location), 'utf8')
  } catch (err) {
    throw new Error(`cannot read ENTENTE_SOURCES file ${location}: ${(err as Error).message}`)
  }
  return readOpml(text)
}

const websubDeps = (config: Config) => (config.websubHub ? { websub: { hub: config.websubHub, baseUrl: config.baseUrl } } : {})

export function nodeConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return parseConfig(env, { sources: join(ROOT, 'feeds', 'sources.opml'), dbPath: join(ROOT, 'data', 'entente.db') })
}

export async function startServer(config: Config, log: Logger = consoleLogger()) {
  const db = await openSqlite(config.dbPath)
  const fetchFn = guardedFetch(config.allowHosts)
  let polling: Promise<PollSummary> | null = null
  const pollOnce = async (): Promise<PollSummary> => {
    if (polling) return polling
    polling = (async () => {
      const sources = await loadSources(config.sources, fetchFn)
      return runPoll({ fetch: fetchFn, db, now: () => new Date(), log, ...websubDeps(config) }, sources)
    })()
    try {
      return await polling
    } finally {
      polling = null
    }
  }
  const cache = new RenderCache()
  const reanalyze = (since: string | null) => reanalyzeItems({ db, now: () => new Date(), progress: (p) => log.info('reanalyze', { ...p }) }, { since })
  const app = createApp({ db, gazetteer: getEngine().gazetteer, baseUrl: config.baseUrl, pollMinutes: config.pollMinutes, adminToken: config.adminToken, poll: pollOnce, reanalyze, cache, websubHub: config.websubHub })
  const server = serve({ fetch: withCompression((req) => app.fetch(req)), port: config.port })
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
    cache,
    async close() {
      if (timer) clearInterval(timer)
      await new Promise<void>((ok) => server.close(() => ok()))
      await polling?.catch(() => {})
      await db.close()
    },
  }
}

/** Where `entente demo` keeps its database: recreated on every run, so it never touches ENTENTE_DB. */
export function demoDbPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.ENTENTE_DEMO_DB?.trim() || join(ROOT, 'data', 'demo.db')
}

/**
 * `npm run demo`: the sample feeds in feeds/samples/ imported into a fresh database and served, with polling off,
 * so a newcomer without internet sees shifts in seconds. Nothing is fetched: imports read files, and no timer runs.
 */
export async function startDemo(config: Config, log: Logger) {
  const started = Date.now()
  const dbPath = demoDbPath()
  mkdirSync(dirname(dbPath), { recursive: true })
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(dbPath + suffix, { force: true })
  const db = await openSqlite(dbPath)
  let summary
  try {
    summary = await runImport(db, [join(ROOT, 'feeds', 'samples', 'demo.opml')], { progress: (line) => process.stderr.write(line + '\n') })
  } finally {
    await db.close()
  }
  const running = await startServer({ ...config, dbPath, pollMinutes: 0 }, log)
  const pairs = await running.db.kysely.selectFrom('pairs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst()
  const shifts = await running.db.kysely.selectFrom('shifts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst()
  const feeds = summary.files.filter((f) => f.outcome === 'ok').length
  process.stderr.write(
    `\nEntente demo: ${Number(shifts?.n ?? 0)} shifts across ${Number(pairs?.n ?? 0)} pairs from ${feeds} sample feeds, ready in ${((Date.now() - started) / 1000).toFixed(1)} s.\n` +
      `Open http://localhost:${config.port}/ (database ${dbPath}; polling is off, nothing is fetched from the network). Ctrl-C stops it.\n\n`,
  )
  return running
}

/** "reanalyze: 150/400 items (38%), 12 changed": one line per chunk, so an operator sees it move. */
export function progressLine(p: ReanalysisProgress): string {
  if (p.phase === 'aggregated') return `reanalyze: ${p.done} items analysed, ${p.changed} changed; affected days re-aggregated\n`
  return `reanalyze: ${p.done}/${p.total} items (${p.total ? Math.floor((100 * p.done) / p.total) : 100}%), ${p.changed} changed\n`
}

async function reanalyzeCommand(config: Config, args: string[]): Promise<number> {
  const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined)
  const since = option('--since') ?? null
  if (since !== null && (!/^\d{4}-\d{2}-\d{2}$/.test(since) || Number.isNaN(Date.parse(since)))) throw new Error('--since must be a day, YYYY-MM-DD')
  const chunk = option('--chunk')
  if (chunk !== undefined && (!/^\d+$/.test(chunk) || Number(chunk) < 1 || Number(chunk) > 90)) throw new Error('--chunk must be a whole number from 1 to 90')
  const db = await openSqlite(config.dbPath)
  try {
    const run = await reanalyzeItems({ db, now: () => new Date(), progress: (p) => process.stderr.write(progressLine(p)) }, { since, ...(chunk ? { chunk: Number(chunk) } : {}) })
    process.stdout.write(JSON.stringify(reanalysisJson(run), null, 2) + '\n')
    return 0
  } finally {
    await db.close()
  }
}

/** Writes an export to stdout or a file, honouring backpressure; the count of lines goes to stderr. */
async function runExport(config: Config, args: string[], log: Logger): Promise<number> {
  const request = parseExportArgs(args)
  const db = await openSqlite(config.dbPath)
  try {
    const opened = await openExport({ db, gazetteer: getEngine().gazetteer, baseUrl: config.baseUrl }, request.name, request.search)
    const target = request.out ? `${request.out}.partial` : null
    const out: NodeJS.WritableStream = target ? createWriteStream(target) : process.stdout
    let lines = 0
    for await (const line of opened.lines()) {
      lines++
      if (!out.write(line)) await new Promise<void>((ok) => out.once('drain', () => ok()))
    }
    if (target) {
      await new Promise<void>((ok, fail) => (out as WriteStream).end((err?: Error | null) => (err ? fail(err) : ok())))
      // Only a finished export takes the name asked for: an interrupted one never passes for complete.
      renameSync(target, request.out!)
    }
    log.info('export written', { export: request.name, lines, ...(opened.head !== undefined ? { cursor: opened.head } : {}), ...(request.out ? { file: request.out } : {}) })
    return 0
  } finally {
    await db.close()
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
      const fetchFn = guardedFetch(config.allowHosts)
      const summary = await runPoll({ fetch: fetchFn, db, now: () => new Date(), log, ...websubDeps(config) }, await loadSources(config.sources, fetchFn), { force: args.includes('--force') })
      process.stdout.write(JSON.stringify(pollSummaryJson(summary), null, 2) + '\n')
      return summary.sources.some((s) => s.outcome === 'error') ? 3 : 0
    } finally {
      await db.close()
    }
  }
  if (command === 'reanalyze') return reanalyzeCommand(config, args)
  if (command === 'export') return runExport(config, args, log)
  if (command === 'import') {
    const paths = args.filter((a) => !a.startsWith('--'))
    if (!paths.length) throw new Error('name what to import: feed files, directories of them, or OPML lists of file paths')
    const db = await openSqlite(config.dbPath)
    try {
      const summary = await runImport(db, paths, { progress: (line) => process.stderr.write(line + '\n') })
      process.stdout.write(JSON.stringify(importSummaryJson(summary), null, 2) + '\n')
      return summary.files.some((f) => f.outcome === 'error') ? 3 : 0
    } finally {
      await db.close()
    }
  }
  const running = command === 'demo' ? await startDemo(config, log) : await startServer(config, log)
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
