// The D1 dialect for the shared store and poll suites: three D1 databases (DB, DB2, DB3), each emptied when
// handed out, since a test may hold three at once.
import { env } from 'cloudflare:test'
import { d1Db } from '../../src/runtime/workers/d1-db.ts'
import type { StoreDialect } from '../store/suites/store-dialect.ts'

const bindings = env as unknown as Record<'DB' | 'DB2' | 'DB3', D1Database>
let next = 0

/** Empties every table but the migrations' own; meta keeps only the creation time the first migration wrote. */
async function emptied(d1: D1Database): Promise<D1Database> {
  const tables = await d1
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name NOT IN ('d1_migrations', 'meta')",
    )
    .all<{ name: string }>()
  // Deferred, so the order of the deletes does not matter to the foreign keys between them.
  await d1.batch([
    d1.prepare('PRAGMA defer_foreign_keys = on'),
    ...tables.results.map((t) => d1.prepare(`DELETE FROM "${t.name}"`)),
    d1.prepare("DELETE FROM meta WHERE key <> 'created_at'"),
  ])
  return d1
}

export const d1Dialect: StoreDialect = {
  name: 'D1',
  async open() {
    const d1 = await emptied([bindings.DB, bindings.DB2, bindings.DB3][next++ % 3]!)
    return { db: d1Db(d1), cleanup: async () => {} }
  },
}
