// One store suite, two dialects, as Kysely runs every test once per dialect: each suite here takes the dialect to
// run on, and test/store/sqlite.test.ts (better-sqlite3, in Node) and test/worker/d1-store.test.ts (D1, in workerd)
// run them all. D1 refuses what better-sqlite3 accepts (over 100 bound parameters, over 5 compound terms), so a
// store query that breaches D1's limits fails here rather than in production.
import type { Db } from '../../../src/store/schema.ts'

export interface StoreDialect {
  name: 'SQLite' | 'D1'
  /** A migrated, empty database of this dialect; a test may hold up to three at once. */
  open(): Promise<{ db: Db; cleanup(): Promise<void> }>
}
