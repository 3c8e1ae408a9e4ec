import Database from 'better-sqlite3'
import { Kysely, SqliteDialect, sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { cachingStatements } from '../../src/runtime/node/index.ts'

interface T {
  t: { id: number; name: string }
}

function open(max?: number) {
  const sqlite = new Database(':memory:')
  let prepared = 0
  const prepare = sqlite.prepare.bind(sqlite)
  sqlite.prepare = ((source: string) => (prepared++, prepare(source))) as typeof sqlite.prepare
  const db = new Kysely<T>({ dialect: new SqliteDialect({ database: cachingStatements(sqlite, max) }) })
  return { db, prepared: () => prepared }
}

describe('cachingStatements', () => {
  it('prepares each SQL text once, keeps answers right, and stays within its bound', async () => {
    const { db, prepared } = open(3)
    await sql`CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)`.execute(db)
    for (let i = 1; i <= 50; i++)
      await db
        .insertInto('t')
        .values({ id: i, name: `n${i}` })
        .execute()
    const base = prepared()
    for (let i = 1; i <= 50; i++)
      expect(await db.selectFrom('t').select('name').where('id', '=', i).executeTakeFirst()).toEqual({ name: `n${i}` })
    expect(prepared() - base).toBe(1)
    // Four distinct texts cycling through a cache of three: each is prepared again, nothing grows without bound.
    const texts = [
      db.selectFrom('t').select('id'),
      db.selectFrom('t').select('name'),
      db.selectFrom('t').select(['id', 'name']),
      db.selectFrom('t').selectAll(),
    ]
    const before = prepared()
    for (const q of [...texts, ...texts]) expect(await q.execute()).toHaveLength(50)
    expect(prepared() - before).toBe(8)
    await db.destroy()
  })

  it('gives a fresh statement to a caller while the cached one is still being iterated', () => {
    const sqlite = new Database(':memory:')
    sqlite.exec('CREATE TABLE t (id INTEGER PRIMARY KEY); INSERT INTO t VALUES (1), (2), (3)')
    const cache = cachingStatements(sqlite)
    const text = 'SELECT id FROM t ORDER BY id'
    const outer = cache.prepare(text)
    const seen: string[] = []
    for (const row of outer.iterate([]) as IterableIterator<{ id: number }>) {
      const inner = cache.prepare(text)
      expect(inner).not.toBe(outer)
      seen.push(`${row.id}:${inner.all([]).length}`)
    }
    expect(seen).toEqual(['1:3', '2:3', '3:3'])
    expect(cache.prepare(text)).toBe(outer)
    sqlite.close()
  })

  it('sees a column added after the statement was cached', async () => {
    const { db } = open()
    await sql`CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)`.execute(db)
    await db.insertInto('t').values({ id: 1, name: 'a' }).execute()
    const all = () => sql<Record<string, unknown>>`SELECT * FROM t`.execute(db)
    expect((await all()).rows).toEqual([{ id: 1, name: 'a' }])
    await sql`ALTER TABLE t ADD COLUMN note TEXT`.execute(db)
    expect((await all()).rows).toEqual([{ id: 1, name: 'a', note: null }])
    await db.destroy()
  })
})
