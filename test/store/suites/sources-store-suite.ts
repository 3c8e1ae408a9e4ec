// syncSources on either dialect: only new sources and changed titles are written, and what a fetch learned stays.
import { describe, expect, it } from 'vitest'
import { outcomeUpdate, recordOutcomeQuery, syncSources } from '../../../src/store/sources-store.ts'
import type { StoreDialect } from './store-dialect.ts'

export function sourcesStoreSuite(dialect: StoreDialect) {
  describe(`syncSources (${dialect.name})`, () => {
    it('writes only new sources and changed titles, and keeps the site link a fetch learned', async () => {
      const t = await dialect.open()
      try {
        const list = [
          { url: 'https://a.example/feed', title: 'A' },
          { url: 'https://b.example/feed', title: 'B', siteUrl: 'https://b.example/' },
        ]
        const first = await syncSources(t.db, list)
        expect([...first.keys()]).toEqual(list.map((s) => s.url))
        for (const n of [1, 2, 3]) {
          await t.db.kysely
            .insertInto('items')
            .values({
              id: `i${n}`,
              source_url: list[0]!.url,
              source_title: 'A',
              guid: `g${n}`,
              url: null,
              title: 't',
              text: 't',
              published: '2026-11-01T00:00:00Z',
              fetched_at: '2026-11-01T00:00:00Z',
              content_hash: `h${n}`,
              signal_count: 0,
            })
            .execute()
        }
        await t.db.batch([
          recordOutcomeQuery(
            t.db,
            list[0]!.url,
            outcomeUpdate(
              { failures: 0 },
              { kind: 'ok', status: 200, etag: '"1"', lastModified: null, siteUrl: 'https://a.example/', newItems: 3 },
              new Date('2026-11-01T00:00:00Z'),
            ),
            true,
          ),
        ])
        let batches = 0
        const counted = { ...t.db, batch: (q: Parameters<typeof t.db.batch>[0]) => (batches++, t.db.batch(q)) }
        const again = await syncSources(counted, list)
        expect(batches).toBe(0)
        expect(again.get(list[0]!.url)).toMatchObject({ site_url: 'https://a.example/', etag: '"1"', item_count: 3 })
        const renamed = await syncSources(counted, [
          { url: list[0]!.url, title: 'A, renamed' },
          list[1]!,
          { url: 'https://c.example/feed', title: 'C' },
        ])
        expect(batches).toBe(1)
        expect(renamed.get(list[0]!.url)).toMatchObject({
          title: 'A, renamed',
          site_url: 'https://a.example/',
          etag: '"1"',
        })
        expect(renamed.get('https://c.example/feed')).toMatchObject({ title: 'C', failures: 0, item_count: 0 })
      } finally {
        await t.cleanup()
      }
    })
  })
}
