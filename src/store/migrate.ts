// Applies sql/ migrations in name order, recording them in d1_migrations — the table wrangler uses — so a
// database migrated by either tool is recognised by the other.
import { sql, type Kysely } from 'kysely'
import type { Schema } from './schema.ts'

export interface Migration {
  name: string
  sql: string
}

/** Splits a migration file into statements (our files keep one statement per `;`-terminated block). */
export function splitStatements(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !/^\s*--/.test(line))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean)
}

export async function migrate(db: Kysely<Schema>, migrations: Migration[]): Promise<string[]> {
  await sql`CREATE TABLE IF NOT EXISTS d1_migrations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT UNIQUE,
    applied_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
  )`.execute(db)
  const done = new Set((await db.selectFrom('d1_migrations').select('name').execute()).map((r) => r.name))
  const applied: string[] = []
  for (const m of [...migrations].sort((x, y) => x.name.localeCompare(y.name))) {
    if (done.has(m.name)) continue
    await db.transaction().execute(async (trx) => {
      for (const statement of splitStatements(m.sql)) await sql.raw(statement).execute(trx)
      await trx.insertInto('d1_migrations').values({ name: m.name }).execute()
    })
    applied.push(m.name)
  }
  return applied
}
