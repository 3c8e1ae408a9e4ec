// The SQLite store under a hostile environment: a full disk and a database path on a kernel filesystem.
import { statSync, writeFileSync } from 'node:fs'
import { spawn, spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkDbPath } from '../../src/runtime/node/sqlite-db.ts'
import { startFeedServer, staticFeed, type FeedServer } from '../helpers/feed-server.ts'
import { tempDb } from '../helpers/temp-db.ts'

const BIN = new URL('../../bin/entente.mjs', import.meta.url).pathname
let server: FeedServer
beforeAll(async () => {
  server = await startFeedServer()
})
afterAll(() => server.close())

describe('SQLite store', () => {
  it('reports a full disk as a full disk, not as a failed rollback, through poll --once', async () => {
    // A file size limit (ulimit -f) makes SQLite's writes come up short, as on a full disk: SQLITE_FULL when the
    // transaction's pages reach the write-ahead log, after which SQLite has already rolled the transaction back.
    const items = Array.from(
      { length: 200 },
      (_, i) =>
        `<item><title>Bulletin ${i}</title><guid>b${i}</guid><description>Iran and Iraq held talks on trade and water. ${'Officials met again. '.repeat(250)}</description></item>`,
    )
    server.route(
      '/big.rss',
      staticFeed(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>${items.join('')}</channel></rss>`,
      ),
    )
    const t = await tempDb()
    await t.db.close()
    try {
      const dir = dirname(t.path)
      writeFileSync(
        join(dir, 'sources.opml'),
        `<opml version="2.0"><body><outline text="Big" xmlUrl="${server.url('/big.rss')}"/></body></opml>`,
      )
      const env = {
        ...process.env,
        ENTENTE_DB: t.path,
        ENTENTE_SOURCES: join(dir, 'sources.opml'),
        ENTENTE_ALLOW_HOSTS: new URL(server.url('/')).host,
      }
      const child = spawn(
        'bash',
        [
          '-c',
          `ulimit -f ${Math.ceil(statSync(t.path).size / 1024) + 64}; exec "$0" "$1" poll --once`,
          process.execPath,
          BIN,
        ],
        { env, stdio: ['ignore', 'pipe', 'pipe'] },
      )
      let stdout = ''
      child.stdout.on('data', (d) => (stdout += d))
      const status = await new Promise<number | null>((ok) => child.once('exit', ok))
      expect(status).toBe(3)
      const summary = JSON.parse(stdout) as { sources: { outcome: string; error?: string }[] }
      // SQLITE_FULL for a short write, SQLITE_IOERR_WRITE for one refused outright: either is the real cause.
      expect(summary.sources[0]).toMatchObject({
        outcome: 'error',
        error: expect.stringMatching(
          /^internal error: (database or disk is full \(SQLITE_FULL\)|disk I\/O error \(SQLITE_IOERR_WRITE\))$/,
        ),
      })
    } finally {
      await t.cleanup().catch(() => {})
    }
  })

  it('refuses a database path on a kernel filesystem at once, with the reason', () => {
    expect(() => checkDbPath('/proc/entente/entente.db')).toThrow(
      /ENTENTE_DB \/proc\/entente\/entente\.db is on the kernel's \/proc filesystem/,
    )
    expect(() => checkDbPath('/sys/fs/entente.db')).toThrow(/\/sys filesystem/)
    expect(() => checkDbPath('/tmp/entente-ok/entente.db')).not.toThrow()
    // Through the CLI: before, `migrate` spun forever creating the directory; the deadline only keeps a
    // regression from hanging the suite.
    const run = spawnSync(process.execPath, [BIN, 'migrate'], {
      env: { ...process.env, ENTENTE_DB: '/proc/entente/entente.db' },
      encoding: 'utf8',
      timeout: 30_000,
    })
    expect(run.signal).toBeNull()
    expect(run.status).toBe(1)
    expect(run.stderr.trim()).toBe(
      "entente migrate: ENTENTE_DB /proc/entente/entente.db is on the kernel's /proc filesystem, not a disk: choose a file on a regular filesystem",
    )
  })
})
