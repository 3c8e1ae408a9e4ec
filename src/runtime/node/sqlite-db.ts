// The store on Node: better-sqlite3 behind Kysely for reads, and writes as better-sqlite3 transactions. Those
// start IMMEDIATE (the write lock first, so a batch never fails halfway on a lock another process took), wait
// for a busy lock asynchronously instead of inside SQLite's busy handler (which holds the event loop), and let
// better-sqlite3 roll back only a transaction that is still open: SQLite ends one by itself on SQLITE_FULL, and
// a second ROLLBACK would report "cannot rollback - no transaction is active" in place of the real cause.
import { existsSync, mkdirSync, statfsSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { Kysely, SqliteDialect, type CompiledQuery, type SqliteDatabase } from 'kysely'
import { migrate, type Migration } from '../../store/migrate.ts'
import type { Db, Schema } from '../../store/schema.ts'

export interface SqliteDb extends Db {
  close(): Promise<void>
}

/**
 * Kysely's SQLite driver prepares every query afresh; preparing costs more than running the small statements
 * a poll and a feed request issue. Statements are kept per SQL text (bounded, oldest out). A statement still
 * being iterated by a stream is busy, so that caller gets a fresh one.
 */
export function cachingStatements(
  sqlite: Database.Database,
  max = 500,
): SqliteDatabase & { prepare(sql: string): Database.Statement } {
  const cache = new Map<string, Database.Statement>()
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      const hit = cache.get(sql)
      if (hit && !hit.busy) return hit
      const stmt = sqlite.prepare(sql)
      if (!hit) {
        if (cache.size >= max) cache.delete(cache.keys().next().value!)
        cache.set(sql, stmt)
      }
      return stmt
    },
  }
}

// Kernel filesystems (statfs f_type) where a database cannot live; Node's recursive mkdir spins forever on procfs.
const SPECIAL_FS = new Map<number, string>([
  [0x9fa0, 'procfs'],
  [0x62656572, 'sysfs'],
  [0x1cd1, 'devpts'],
  [0x27e0eb, 'cgroup'],
  [0x63677270, 'cgroup2'],
  [0x64626720, 'debugfs'],
  [0x73636673, 'securityfs'],
  [0x74726163, 'tracefs'],
  [0x62656570, 'configfs'],
  [0xcafe4a11, 'bpf'],
])

/** Refuses, with the reason, a database path on a kernel filesystem (or under /dev), before touching it. */
export function checkDbPath(path: string): void {
  const full = resolve(path)
  const refuse = (what: string) =>
    new Error(`ENTENTE_DB ${path} is on ${what}, not a disk: choose a file on a regular filesystem`)
  if (/^\/(proc|sys|dev)(\/|$)/.test(full)) throw refuse(`the kernel's /${full.split('/')[1]} filesystem`)
  let dir = dirname(full)
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir)
  const type = SPECIAL_FS.get(Number(statfsSync(dir).type))
  if (type) throw refuse(type)
}

const BUSY_WAIT_MS = 50
const BUSY_GIVE_UP_MS = 60_000

const isBusy = (err: unknown) =>
  typeof (err as { code?: unknown })?.code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test((err as { code: string }).code)
/** SQLite's extended code says more than its message ("disk I/O error" from a write that came up short). */
function withCode(err: unknown): unknown {
  const code = (err as { code?: unknown })?.code
  if (!(err instanceof Error) || typeof code !== 'string' || err.message.includes(code)) return err
  err.message = `${err.message} (${code})`
  return err
}
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms))

/** Opens (creating if needed) and migrates a SQLite database file. */
export async function openSqlite(path: string, migrations: Migration[]): Promise<SqliteDb> {
  if (path !== ':memory:') {
    checkDbPath(path)
    mkdirSync(dirname(resolve(path)), { recursive: true })
  }
  const sqlite = new Database(path)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = NORMAL')
  // Start-up may wait for another process's migration; after it, no statement blocks the event loop for long.
  sqlite.pragma('busy_timeout = 5000')
  // The default 2 MiB page cache makes every batch of item and signal inserts re-read index pages from disk.
  sqlite.pragma('cache_size = -32768')
  sqlite.pragma('temp_store = MEMORY')
  const statements = cachingStatements(sqlite)
  const kysely = new Kysely<Schema>({ dialect: new SqliteDialect({ database: statements }) })
  await migrate(kysely, migrations)
  sqlite.pragma(`busy_timeout = ${BUSY_WAIT_MS}`)
  const meta = sqlite.prepare('SELECT value FROM meta WHERE key = ?').pluck()
  const run = sqlite.transaction((queries: CompiledQuery[]) =>
    queries.map((q) => Number(statements.prepare(q.sql).run(q.parameters as unknown[]).changes)),
  )
  return {
    kysely,
    readMeta: (key) => (meta.get(key) as string | undefined) ?? null,
    async batch(queries) {
      if (!queries.length) return []
      const started = Date.now()
      for (let attempt = 0; ; attempt++) {
        try {
          return run.immediate(queries)
        } catch (err) {
          if (!isBusy(err) || Date.now() - started > BUSY_GIVE_UP_MS) throw withCode(err)
          // Another process holds the write lock: let requests through while it finishes.
          await sleep(Math.min(200, 5 * 2 ** attempt))
        }
      }
    },
    close: () => kysely.destroy(),
  }
}
