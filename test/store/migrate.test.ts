import { describe, expect, it } from 'vitest'
import { splitStatements } from '../../src/store/migrate.ts'
import { openSqlite, readMigrations } from '../../src/node.ts'
import { tempDb } from '../helpers/temp-db.ts'

describe('migrations', () => {
  it('apply once, are recorded in d1_migrations like wrangler does, and reopen without re-running', async () => {
    const t = await tempDb()
    try {
      const names = (await t.db.kysely.selectFrom('d1_migrations').select('name').execute()).map((r) => r.name)
      expect(names).toEqual(readMigrations().map((m) => m.name))
      await t.db.close()
      const again = await openSqlite(t.path)
      expect((await again.kysely.selectFrom('d1_migrations').selectAll().execute()).length).toBe(names.length)
      expect(await again.kysely.selectFrom('meta').select('value').where('key', '=', 'created_at').executeTakeFirst()).toBeDefined()
      t.db.close = () => again.close()
    } finally {
      await t.cleanup()
    }
  })
  it('splits files into statements, ignoring comments', () => {
    expect(splitStatements('-- c;\nCREATE TABLE a (x);\n\nCREATE INDEX i ON a (x);\n')).toEqual(['CREATE TABLE a (x)', 'CREATE INDEX i ON a (x)'])
  })
})
