// A real SQLite file per test, in a fresh temporary directory.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openSqlite, type SqliteDb } from '../../src/runtime/node/index.ts'

export async function tempDb(): Promise<{ db: SqliteDb; path: string; cleanup: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'entente-test-'))
  const path = join(dir, 'entente.db')
  const db = await openSqlite(path)
  return {
    db,
    path,
    cleanup: async () => {
      await db.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export const silentLog = { info: () => {}, warn: () => {}, error: () => {} }

export function fixture(name: string): string {
  return new URL(`../../feeds/samples/${name}`, import.meta.url).pathname
}
