// Where things are on Node: the repository root (migrations, bundled sources, data/), the configuration from the
// environment with those defaults, the database file the demo recreates, and the migrations read from sql/.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseConfig, type Config } from '../../config.ts'
import type { Migration } from '../../store/migrate.ts'
import { openSqlite as openSqliteWith, type SqliteDb } from './sqlite-db.ts'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')

export function nodeConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return parseConfig(env, { sources: join(ROOT, 'feeds', 'sources.opml'), dbPath: join(ROOT, 'data', 'entente.db') })
}

/** Where `entente demo` keeps its database: recreated on every run, so it never touches ENTENTE_DB. */
export function demoDbPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.ENTENTE_DEMO_DB?.trim() || join(ROOT, 'data', 'demo.db')
}

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

/** The source list on Node: a file path (relative to the working directory) or an http(s) URL. */
export const readSourceFile = (location: string): string => readFileSync(resolve(location), 'utf8')
