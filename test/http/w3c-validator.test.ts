// The W3C Feed Validation Service's own code (github w3c/feedvalidator, src/demo.py) against the feeds a real
// server serves over loopback, after a poll and a re-analysis that corrected one shift and withdrew another: zero
// errors and zero warnings, "Two entries with the same value for atom:updated" included. The validator is not a
// package on npm or Debian: where it is not on the machine this test is skipped, saying so in one line.
import { existsSync } from 'node:fs'
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reanalyzeItems } from '../../src/poll/reanalyze-items.ts'
import { startFeedServer, staticFeed, type FeedServer } from '../helpers/feed-server.ts'
import { flippedEngine } from '../helpers/modified-engine.ts'
import { startRealServer } from '../helpers/real-server.ts'
import { fixture } from '../helpers/temp-db.ts'

const DEMO = process.env.ENTENTE_FEEDVALIDATOR ?? '/opt/w3c-feedvalidator/src/demo.py'
const PYTHON = '/usr/bin/python3'
const available = existsSync(DEMO) && existsSync(PYTHON)
if (!available)
  process.stderr.write(
    `W3C feed validator not found at ${DEMO} (set ENTENTE_FEEDVALIDATOR to its src/demo.py): its test is skipped\n`,
  )

const FEEDS = [
  '/feeds/shifts',
  '/feeds/corrections',
  '/feeds/pairs/iran--saudi-arabia',
  '/feeds/pairs/north-korea--united-states',
  '/feeds/actors/hamas',
]

let feeds: FeedServer
let server: Awaited<ReturnType<typeof startRealServer>>
beforeAll(async () => {
  if (!available) return
  feeds = await startFeedServer({
    '/seed.rss': staticFeed(readFileSync(fixture('seed-rss.xml'))),
    '/world.rdf': staticFeed(readFileSync(fixture('world-rdf.xml')), 'application/rdf+xml'),
    '/desk.atom': staticFeed(readFileSync(fixture('desk-atom.xml')), 'application/atom+xml'),
  })
  const sources = ['/seed.rss', '/world.rdf', '/desk.atom'].map((p) => ({ title: `Desk ${p}`, url: feeds.url(p) }))
  server = await startRealServer(sources, new URL(feeds.url('/')).host)
  expect((await server.poll()).status).toBe(200)
  // A corrected shift (Saudi Arabia–Iran) and a tombstone (North Korea–United States) among the entries.
  await reanalyzeItems({ db: server.db, now: () => new Date(), analyzer: flippedEngine() })
}, 60_000)
afterAll(async () => {
  await server?.close()
  await feeds?.close()
})

function validate(url: string): Promise<{ code: number; out: string }> {
  return new Promise((done) => {
    execFile(
      PYTHON,
      [DEMO, url],
      { cwd: new URL('.', `file://${DEMO}`).pathname, timeout: 60_000 },
      (err, stdout, stderr) =>
        done({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` }),
    )
  })
}

describe('the W3C Feed Validation Service', () => {
  for (const path of FEEDS) {
    for (const format of ['atom', 'rss']) {
      it.skipIf(!available)(
        `finds no error and no warning in ${path}.${format}`,
        async () => {
          // The validator fetches the feed itself, at the base URL its self link names.
          const url = `${server.base.replace('127.0.0.1', 'localhost')}${path}.${format}`
          const body = await (await fetch(url)).text()
          if (path.endsWith('corrections')) {
            expect(body).toContain('North Korea–United States: withdrawn (was frozen)')
            expect(body).toContain('Iran–Saudi Arabia: improving (corrected, was deteriorating)')
          }
          if (path === '/feeds/shifts')
            expect(body.split(format === 'atom' ? '<entry>' : '<item>').length).toBeGreaterThan(10)
          const { code, out } = await validate(url)
          expect(out).toContain('No errors or warnings')
          expect(code, out).toBe(0)
        },
        60_000,
      )
    }
  }
})
