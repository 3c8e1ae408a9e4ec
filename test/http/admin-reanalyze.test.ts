// POST /admin/reanalyze on the real Node server: for the admin only, a day checked, items an older engine analysed
// re-analysed with the current one, and a second call with nothing left to do.
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { engineVersion } from '../../src/analyze/engine-version.ts'
import { startFeedServer, staticFeed, type FeedServer } from '../helpers/feed-server.ts'
import { ADMIN_TOKEN, startRealServer } from '../helpers/real-server.ts'
import { fixture } from '../helpers/temp-db.ts'

let feeds: FeedServer
let server: Awaited<ReturnType<typeof startRealServer>>
beforeAll(async () => {
  feeds = await startFeedServer({ '/seed.rss': staticFeed(readFileSync(fixture('seed-rss.xml'))) })
  server = await startRealServer([{ title: 'MEI', url: feeds.url('/seed.rss') }], new URL(feeds.url('/')).host)
  expect((await server.poll()).status).toBe(200)
})
afterAll(async () => {
  await server.close()
  await feeds.close()
})

const call = (query = '', token = ADMIN_TOKEN) =>
  fetch(`${server.base}/admin/reanalyze${query}`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } })

describe('POST /admin/reanalyze', () => {
  it('is for the admin only and checks its day', async () => {
    expect((await call('', 'wrong-token-123')).status).toBe(401)
    expect((await call('?since=yesterday')).status).toBe(400)
  })

  it('re-analyses what an older engine stored, then has nothing left to do', async () => {
    await server.db.kysely.updateTable('items').set({ analyzed_with: 'older' }).execute()
    const res = await call('?since=2018-01-01')
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ engine: engineVersion(), since: '2018-01-01', items: 2, remaining: 0 })
    expect(
      (
        await server.db.kysely.selectFrom('items').select('analyzed_with').where('published', '<', '2018').execute()
      ).map((i) => i.analyzed_with),
    ).toEqual(['older'])
    expect(await (await call()).json()).toMatchObject({ items: 1, remaining: 0 })
    expect(await (await call()).json()).toMatchObject({ items: 0, remaining: 0 })
  })
})
