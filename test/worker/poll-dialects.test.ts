// The poll suite on D1 in workerd, with the Workers guarded fetch, against the fixture publishers the global setup
// serves; test/poll/poll-dialects.test.ts runs it on better-sqlite3 in Node.
import { inject } from 'vitest'
import { parseAllowHosts } from '../../src/ingest/url-policy.ts'
import { guardedFetch } from '../../src/runtime/workers/index.ts'
import { pollSuite } from '../poll/suites/poll-suite.ts'
import { d1Dialect } from './d1-dialect.ts'

pollSuite({
  ...d1Dialect,
  feedBase: () => inject('feedBase'),
  fetch: () => guardedFetch(parseAllowHosts(new URL(inject('feedBase')).host)),
})
