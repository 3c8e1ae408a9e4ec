// The commands a newcomer runs, as real processes: `entente serve` (what npm start runs) and `poll --once`.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFeedServer, staticFeed, type FeedServer } from './helpers/feed-server.ts'
import { freePort } from './helpers/free-port.ts'
import { fixture } from './helpers/temp-db.ts'

const BIN = new URL('../bin/entente.mjs', import.meta.url).pathname
let server: FeedServer
let dir: string
let opml: string
/** The poller refuses loopback addresses unless named: every run names the fixture server. */
let allow: string

beforeAll(async () => {
  server = await startFeedServer({ '/seed.rss': staticFeed(readFileSync(fixture('seed-rss.xml'))) })
  allow = new URL(server.url('/')).host
  dir = mkdtempSync(join(tmpdir(), 'entente-cli-'))
  opml = join(dir, 'sources.opml')
  writeFileSync(
    opml,
    `<?xml version="1.0"?><opml version="2.0"><body><outline text="Seed" xmlUrl="${server.url('/seed.rss')}"/>
<!-- paused: <outline text="Paused" xmlUrl="${server.url('/paused.rss')}"/> -->
<outline text="Gone" xmlUrl="${server.url('/gone.rss')}"/></body></opml>`,
  )
})
afterAll(async () => {
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('entente CLI', () => {
  it('serve starts, migrates, polls at start and serves the feeds over HTTP', async () => {
    const port = await freePort()
    const child = spawn(process.execPath, [BIN, 'serve'], {
      env: {
        ...process.env,
        PORT: String(port),
        ENTENTE_DB: join(dir, 'serve.db'),
        ENTENTE_SOURCES: opml,
        ENTENTE_POLL_MINUTES: '15',
        ENTENTE_ALLOW_HOSTS: allow,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let log = ''
    child.stderr.on('data', (d) => (log += d))
    try {
      await new Promise<void>((ok, fail) => {
        const timer = setTimeout(() => fail(new Error(`no poll within 20 s:\n${log}`)), 20_000)
        child.stderr.on('data', () => {
          if (log.includes('poll finished')) {
            clearTimeout(timer)
            ok()
          }
        })
        child.once('exit', (code) => fail(new Error(`exited ${code}:\n${log}`)))
      })
      expect(log).toMatch(/source failed source=http:\/\/127\.0\.0\.1:\d+\/gone\.rss status=404/)
      const res = await fetch(`http://127.0.0.1:${port}/feeds/shifts.json`)
      expect(res.status).toBe(200)
      const feed = (await res.json()) as { feed_url: string; items: { title: string }[] }
      expect(feed.feed_url).toBe(`http://localhost:${port}/feeds/shifts.json`)
      expect(feed.items.map((i) => i.title)).toEqual(
        expect.arrayContaining(['Hamas–Iran: improving', 'Hamas–Syria: frozen']),
      )
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200)
    } finally {
      child.kill('SIGTERM')
      await new Promise((ok) => child.once('exit', ok))
    }
  })

  it('poll --once prints a summary naming every source with its outcome', async () => {
    // Asynchronous: the fixture server lives in this process and must keep answering.
    const child = spawn(process.execPath, [BIN, 'poll', '--once'], {
      env: { ...process.env, ENTENTE_DB: join(dir, 'once.db'), ENTENTE_SOURCES: opml, ENTENTE_ALLOW_HOSTS: allow },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    child.stdout.on('data', (d) => (stdout += d))
    const status = await new Promise<number | null>((ok) => child.once('exit', ok))
    const run = { stdout, status }
    const summary = JSON.parse(run.stdout) as { sources: { url: string; outcome: string; error?: string }[] }
    expect(summary.sources.map((s) => s.outcome)).toEqual(['ok', 'error'])
    expect(summary.sources[1]!.error).toBe('HTTP 404 Not Found')
    // snake_case, like every other JSON answer
    expect(Object.keys(summary).sort()).toEqual([
      'finished_at',
      'languages',
      'new_items',
      'new_signals',
      'shifts_changed',
      'sources',
      'started_at',
      'unanalysed',
    ])
    expect(summary.sources[0]).toMatchObject({
      outcome: 'ok',
      new_items: 3,
      status: 200,
      languages: { eng: 3 },
      unanalysed: 0,
    })
    expect(summary.sources[1]).toHaveProperty('next_poll_at')
    expect(run.status).toBe(3)
    // The list is read as XML: the outline in a comment is not a source, and nothing asked for it.
    expect(summary.sources.map((s) => new URL(s.url).pathname)).toEqual(['/seed.rss', '/gone.rss'])
    expect(server.requests.map((r) => r.path)).not.toContain('/paused.rss')
  })

  it('poll --once refuses and reports a publisher redirect to a loopback port that ENTENTE_ALLOW_HOSTS does not name', async () => {
    const internal = await startFeedServer({ '/admin.rss': staticFeed(readFileSync(fixture('seed-rss.xml'))) })
    try {
      server.route('/moved.rss', (_req, res) => void res.writeHead(301, { Location: internal.url('/admin.rss') }).end())
      const list = join(dir, 'redirect.opml')
      writeFileSync(
        list,
        `<?xml version="1.0"?><opml version="2.0"><body><outline text="Seed" xmlUrl="${server.url('/seed.rss')}"/><outline text="Moved" xmlUrl="${server.url('/moved.rss')}"/></body></opml>`,
      )
      const child = spawn(process.execPath, [BIN, 'poll', '--once'], {
        env: {
          ...process.env,
          ENTENTE_DB: join(dir, 'redirect.db'),
          ENTENTE_SOURCES: list,
          ENTENTE_ALLOW_HOSTS: allow,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let stdout = ''
      child.stdout.on('data', (d) => (stdout += d))
      const status = await new Promise<number | null>((ok) => child.once('exit', ok))
      const summary = JSON.parse(stdout) as { sources: { url: string; outcome: string; error?: string }[] }
      expect(summary.sources.map((s) => s.outcome)).toEqual(['ok', 'error'])
      expect(summary.sources[1]!.error).toBe(
        `redirect from ${server.url('/moved.rss')}: refused ${internal.url('/admin.rss')}: 127.0.0.1 is a loopback address (name it in ENTENTE_ALLOW_HOSTS to poll it)`,
      )
      expect(status).toBe(3)
      expect(internal.requests).toHaveLength(0)
    } finally {
      await internal.close()
    }
  })

  it('poll --once stops at the byte cap of a source list URL that never ends', async () => {
    server.route('/endless.opml', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/x-opml' })
      res.write('<opml version="2.0"><body>')
      const more = () =>
        !res.destroyed &&
        res.write(`<outline text="x" xmlUrl="https://x.example/${'a'.repeat(4000)}"/>`, () => setImmediate(more))
      more()
    })
    const child = spawn(process.execPath, [BIN, 'poll', '--once'], {
      env: {
        ...process.env,
        ENTENTE_DB: join(dir, 'endless.db'),
        ENTENTE_SOURCES: server.url('/endless.opml'),
        ENTENTE_ALLOW_HOSTS: allow,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (d) => (stderr += d))
    const status = await new Promise<number | null>((ok) => child.once('exit', ok))
    expect(status).toBe(1)
    expect(stderr).toContain(
      `entente poll: ENTENTE_SOURCES ${server.url('/endless.opml')}: body exceeds the 5242880-byte cap`,
    )
  })

  it('stops with a one-line message naming an invalid variable', () => {
    const run = spawnSync(process.execPath, [BIN, 'serve'], {
      env: { ...process.env, ENTENTE_POLL_MINUTES: 'often' },
      encoding: 'utf8',
    })
    expect(run.status).toBe(1)
    expect(run.stderr.trim()).toBe(
      'entente serve: ENTENTE_POLL_MINUTES must be a whole number between 0 and 10080, got "often"',
    )
  })

  it('analyze refuses a --date that has the shape of a day but is none, and accepts a leap day', () => {
    const analyze = (args: string[], input: string) =>
      spawnSync(process.execPath, [BIN, 'analyze', ...args], { input, encoding: 'utf8' })
    const month = analyze(['--date', '2018-13-01'], 'Saudi Arabia severed diplomatic relations with Iran.')
    expect([month.status, month.stdout, month.stderr.trim()]).toEqual([
      1,
      '',
      'entente analyze: --date 2018-13-01 is not a day: there is no month 13',
    ])
    const day = analyze(['--date', '2019-02-29', '--explain'], 'x')
    expect([day.status, day.stderr.trim()]).toEqual([
      1,
      'entente analyze: --date 2019-02-29 is not a day: 2019-02 has no day 29',
    ])
    const line = analyze(
      ['--jsonl'],
      '{"id":"a","date":"2018-01-08","text":"x"}\n{"id":"b","date":"2018-04-31","text":"x"}\n',
    )
    expect([line.status, line.stderr.trim()]).toEqual([
      1,
      'entente analyze: line 2: "date" 2018-04-31 is not a day: 2018-04 has no day 31',
    ])
    const leap = analyze(['--date', '2016-02-29'], 'Saudi Arabia severed diplomatic relations with Iran.')
    expect(leap.status).toBe(0)
    expect(JSON.parse(leap.stdout).pairs).toMatchObject([{ pair: 'iran--saudi-arabia', direction: 'deteriorating' }])
  })

  it('analyze reads text and explains its verdicts', () => {
    const run = spawnSync(process.execPath, [BIN, 'analyze', '--date', '2016-01-03', '--explain'], {
      input: 'Saudi Arabia severed diplomatic relations with Iran.',
      encoding: 'utf8',
    })
    expect([run.status, run.stderr]).toEqual([0, ''])
    expect(run.stdout).toMatch(/Iran–Saudi Arabia: deteriorating/)
    expect(run.stdout).toMatch(/cue sanction\.sever-ties/)
    expect(run.stdout).toMatch(/SANCTION deteriorating/)
  })

  it('migrate creates and migrates the database file, and says so', () => {
    const db = join(dir, 'migrated', 'fresh.db')
    const run = spawnSync(process.execPath, [BIN, 'migrate'], {
      env: { ...process.env, ENTENTE_DB: db },
      encoding: 'utf8',
    })
    expect(run.status).toBe(0)
    expect(run.stderr).toMatch(new RegExp(`info database ready db=${db.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\n$`))
    const again = spawnSync(process.execPath, [BIN, 'migrate'], {
      env: { ...process.env, ENTENTE_DB: db },
      encoding: 'utf8',
    })
    expect(again.status).toBe(0)
  })

  it('actors --json prints the gazetteer', () => {
    const run = spawnSync(process.execPath, [BIN, 'actors', '--json'], { encoding: 'utf8' })
    expect([run.status, run.stderr]).toEqual([0, ''])
    const { actors } = JSON.parse(run.stdout) as { actors: { id: string; name: string; kind: string }[] }
    expect(actors.length).toBeGreaterThan(100)
    expect(actors.find((a) => a.id === 'hamas')).toMatchObject({ name: 'Hamas' })
  })

  it('help prints the usage and succeeds; no command prints it and fails; an unknown command fails naming it', () => {
    const help = spawnSync(process.execPath, [BIN, 'help'], { encoding: 'utf8' })
    expect(help.status).toBe(0)
    expect(help.stdout).toMatch(/^usage: entente <command>\n/)
    expect(help.stdout).toContain('poll --once')
    expect(spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' }).stdout).toBe(help.stdout)
    const none = spawnSync(process.execPath, [BIN], { encoding: 'utf8' })
    expect([none.status, none.stdout]).toEqual([2, help.stdout])
    const unknown = spawnSync(process.execPath, [BIN, 'frobnicate'], { encoding: 'utf8' })
    expect(unknown.status).toBe(2)
    expect(unknown.stderr.split('\n')[0]).toBe('entente: unknown command "frobnicate"')
    expect(unknown.stdout).toBe('')
  })

  it('poll without --once refuses, naming the flag', () => {
    const run = spawnSync(process.execPath, [BIN, 'poll'], {
      env: { ...process.env, ENTENTE_DB: join(dir, 'refused.db') },
      encoding: 'utf8',
    })
    expect([run.status, run.stderr.trim()]).toEqual([1, 'entente poll: poll runs one cycle: use `entente poll --once`'])
  })
})
