// The poll suite on better-sqlite3 in Node, with the Node guarded fetch; test/worker/poll-dialects.test.ts runs it
// on D1 in workerd.
import { afterAll, beforeAll } from 'vitest'
import { parseAllowHosts } from '../../src/ingest/url-policy.ts'
import { guardedFetch } from '../../src/runtime/node/index.ts'
import { startFixtureFeeds } from '../helpers/fixture-feeds.ts'
import { tempDb } from '../helpers/temp-db.ts'
import { pollSuite } from './suites/poll-suite.ts'

let feeds: Awaited<ReturnType<typeof startFixtureFeeds>>
beforeAll(async () => {
  feeds = await startFixtureFeeds()
})
afterAll(() => feeds.close())

pollSuite({
  name: 'SQLite',
  open: tempDb,
  feedBase: () => feeds.base,
  fetch: () => guardedFetch(parseAllowHosts(new URL(feeds.base).host)),
})
