import { describe, expect, it } from 'vitest'
import { splitStatements } from '../../src/store/migrate.ts'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { openSqlite, readMigrations } from '../../src/runtime/node/index.ts'
import { openSqlite as openWith } from '../../src/runtime/node/sqlite-db.ts'
import { tempDb } from '../helpers/temp-db.ts'

describe('migrations', () => {
  it('apply once, are recorded in d1_migrations like wrangler does, and reopen without re-running', async () => {
    const t = await tempDb()
    try {
      const names = (await t.db.kysely.selectFrom('d1_migrations').select('name').execute()).map((r) => r.name)
      expect(names).toEqual(readMigrations().map((m) => m.name))
      const recorded = await t.db.kysely.selectFrom('d1_migrations').selectAll().orderBy('id').execute()
      const created = await t.db.kysely
        .selectFrom('meta')
        .select('value')
        .where('key', '=', 'created_at')
        .executeTakeFirstOrThrow()
      expect(created.value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)
      await t.db.close()
      const again = await openSqlite(t.path)
      // Nothing ran again: the same rows, applied at the same times, and the first migration's creation time kept.
      expect(await again.kysely.selectFrom('d1_migrations').selectAll().orderBy('id').execute()).toEqual(recorded)
      expect(
        await again.kysely.selectFrom('meta').select('value').where('key', '=', 'created_at').executeTakeFirst(),
      ).toEqual(created)
      t.db.close = () => again.close()
    } finally {
      await t.cleanup()
    }
  })
  it('0005 gives each stored entry an updated of its own and keeps the data version past them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'entente-migrate-'))
    const path = join(dir, 'old.db')
    try {
      const old = await openWith(
        path,
        readMigrations().filter((m) => m.name < '0005'),
      )
      const at = '2026-05-01T10:00:00.000Z'
      for (const [pair, day] of [
        ['iran--iraq', '2026-04-30'],
        ['cuba--peru', '2026-04-30'],
        ['chad--mali', '2026-04-29'],
      ] as const) {
        await sql`INSERT INTO shifts (id, pair, a, b, day, direction, score, confidence, weight, level_before, level_after, level_num, level_den, sources, signals, evidence, published, updated)
          VALUES (${`${pair}/${day}`}, ${pair}, ${pair.split('--')[0]}, ${pair.split('--')[1]}, ${day}, 'improving', 0.5, 0.8, 0.8, 0, 0.3, 0.4, 0.8, 1, 1, '[]', ${at}, ${at})`.execute(
          old.kysely,
        )
        await sql`INSERT INTO pairs (pair, a, b, level, direction, last_day, last_direction, last_score, shift_count, signal_count, updated)
          VALUES (${pair}, ${pair.split('--')[0]}, ${pair.split('--')[1]}, 0.3, 'improving', ${day}, 'improving', 0.5, 1, 1, ${at})`.execute(
          old.kysely,
        )
      }
      await sql`INSERT INTO meta (key, value) VALUES ('changed_at', ${at})`.execute(old.kysely)
      await old.close()
      const db = await openSqlite(path)
      try {
        const updated = (await db.kysely.selectFrom('shifts').select(['id', 'updated']).orderBy('id').execute()).map(
          (r) => r.updated,
        )
        expect(updated).toEqual([at, '2026-05-01T10:00:00.001Z', '2026-05-01T10:00:00.002Z'])
        expect(db.readMeta!('changed_at')).toBe('2026-05-01T10:00:00.002Z')
        expect(await db.kysely.selectFrom('pairs').select(['level_num', 'level_den']).distinct().execute()).toEqual([
          { level_num: 0.4, level_den: 0.8 },
        ])
        expect(await db.kysely.selectFrom('items').select('dating').execute()).toEqual([])
      } finally {
        await db.close()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
  it('splits files into statements, ignoring comments', () => {
    expect(splitStatements('-- c;\nCREATE TABLE a (x);\n\nCREATE INDEX i ON a (x);\n')).toEqual([
      'CREATE TABLE a (x)',
      'CREATE INDEX i ON a (x)',
    ])
  })
})
