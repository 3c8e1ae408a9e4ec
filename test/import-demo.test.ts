// The offline first run, as real processes: `entente import` of files, directories and OPML lists of file paths
// (progress on stderr, summary on stdout, the dedup of a poll), the imported data served over HTTP, and
// `npm run demo` with the network unplugged.
import { spawn, type ChildProcess } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseConfig } from '../src/config.ts'
import { startServer } from '../src/runtime/node/index.ts'
import { freePort } from './helpers/free-port.ts'
import { fixture, silentLog } from './helpers/temp-db.ts'

const ROOT = new URL('..', import.meta.url).pathname
const BIN = join(ROOT, 'bin/entente.mjs')
const NO_NETWORK = join(ROOT, 'test/helpers/no-network.mjs')

interface FileReport {
  path: string
  url: string
  title: string
  outcome: string
  items: number
  new_items: number
  signals: number
  languages?: Record<string, number>
  unanalysed?: number
  error?: string
}
interface Summary {
  files: FileReport[]
  new_items: number
  new_signals: number
  languages: Record<string, number>
  unanalysed: number
  shifts_changed: number
}

/** Runs `entente import` offline; resolves with its exit code, stdout (JSON) and stderr lines. */
function runImport(db: string, args: string[], cwd = ROOT) {
  const child = spawn(process.execPath, ['--import', NO_NETWORK, BIN, 'import', ...args], {
    cwd,
    env: { ...process.env, ENTENTE_DB: db },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d) => (stdout += d))
  child.stderr.on('data', (d) => (stderr += d))
  return new Promise<{ status: number | null; summary: Summary; lines: string[] }>((ok) =>
    child.once('exit', (status) =>
      ok({
        status,
        summary: stdout ? (JSON.parse(stdout) as Summary) : (null as unknown as Summary),
        lines: stderr.trim().split('\n'),
      }),
    ),
  )
}

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'entente-import-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('entente import', () => {
  it('imports a directory of feeds with a progress line per file, reporting the files that are no feeds, and stores nothing twice', async () => {
    const db = join(dir, 'dir.db')
    const first = await runImport(db, ['feeds/samples'])
    expect(first.status).toBe(3)
    const by = new Map(first.summary.files.map((f) => [f.path.split('/').pop(), f]))
    // Only feed files are read from a directory: page.html and demo.opml are left.
    expect([...by.keys()]).toEqual([
      'arabic-1256.xml',
      'broken.xml',
      'desk-atom.xml',
      'entity-bomb.xml',
      'noticias-pt-atom.xml',
      'seed-rss.xml',
      'urdu-rss.xml',
      'wire-2018-rss.xml',
      'world-rdf.xml',
    ])
    expect(by.get('broken.xml')).toMatchObject({ outcome: 'error', error: expect.stringMatching(/^malformed feed/) })
    expect(by.get('entity-bomb.xml')).toMatchObject({ outcome: 'error', error: expect.stringMatching(/DTD entities/) })
    expect(by.get('seed-rss.xml')).toMatchObject({
      outcome: 'ok',
      title: 'Middle East Institute — Analysis',
      items: 3,
      new_items: 3,
      languages: { eng: 3 },
      url: pathToFileURL(fixture('seed-rss.xml')).href,
    })
    expect(by.get('noticias-pt-atom.xml')).toMatchObject({
      outcome: 'ok',
      new_items: 3,
      signals: 0,
      languages: { por: 3 },
      unanalysed: 3,
    })
    expect(first.summary).toMatchObject({ new_items: 37, languages: { eng: 31, por: 3, urd: 3 }, unanalysed: 6 })
    expect(first.summary.shifts_changed).toBeGreaterThan(20)
    // snake_case like the poll summary and the API, nothing camelCase left.
    expect(Object.keys(first.summary)).toEqual([
      'started_at',
      'finished_at',
      'new_items',
      'new_signals',
      'languages',
      'unanalysed',
      'shifts_changed',
      'files',
    ])
    expect(Object.keys(by.get('seed-rss.xml')!)).toEqual([
      'path',
      'url',
      'title',
      'outcome',
      'status',
      'new_items',
      'signals',
      'languages',
      'unanalysed',
      'items',
    ])
    expect(first.lines).toHaveLength(10)
    expect(first.lines[0]).toBe('import [1/9] feeds/samples/arabic-1256.xml: 1 item, 1 new (eng 1), 2 signals')
    expect(first.lines[1]).toMatch(/^import \[2\/9\] feeds\/samples\/broken\.xml: failed: malformed feed: /)
    expect(first.lines[4]).toBe(
      'import [5/9] feeds/samples/noticias-pt-atom.xml: 3 items, 3 new (por 3), 0 signals, 3 not analysed: not English',
    )
    expect(first.lines[9]).toMatch(
      /^imported 7 of 9 files: 37 new items \(eng 31, por 3, urd 3\), \d+ signals, \d+ shifts changed; 6 not analysed \(Entente reads English\)$/,
    )
    // The same files again: known within their source, as a poll would find them.
    const again = await runImport(db, ['feeds/samples'])
    expect(again.summary).toMatchObject({ new_items: 0, new_signals: 0, shifts_changed: 0 })
    expect(again.summary.files.filter((f) => f.outcome === 'ok').map((f) => f.new_items)).toEqual([0, 0, 0, 0, 0, 0, 0])
  })

  it('reads an OPML list of file paths: relative, absolute and file: URLs, skipping comments and http(s) outlines, each file once', async () => {
    const db = join(dir, 'opml.db')
    const feeds = join(dir, 'lists')
    mkdirSync(join(feeds, 'sub'), { recursive: true })
    copyFileSync(fixture('seed-rss.xml'), join(feeds, 'sub', 'seed.xml'))
    writeFileSync(
      join(feeds, 'mine.opml'),
      `<?xml version="1.0"?><opml version="2.0"><body>
<outline text="Seed, relative" xmlUrl="sub/seed.xml"/>
<outline text="Desk, absolute" xmlUrl="${fixture('desk-atom.xml')}"/>
<outline text="World, file URL" xmlUrl="${pathToFileURL(fixture('world-rdf.xml')).href}"/>
<!-- <outline text="Urdu, paused" xmlUrl="${fixture('urdu-rss.xml')}"/> -->
<outline text="Seed again" xmlUrl="./sub/seed.xml"/>
<outline text="Remote" xmlUrl="https://feeds.example/rss"/>
<outline text="Missing" xmlUrl="nowhere.xml"/>
</body></opml>`,
    )
    const run = await runImport(db, [join(feeds, 'mine.opml')], dir)
    expect(run.status).toBe(3)
    const files = run.summary.files.map((f) => [f.title, f.outcome, f.new_items])
    expect(files).toEqual([
      ['https://feeds.example/rss', 'skipped', 0],
      ['Seed, relative', 'ok', 3],
      ['Desk, absolute', 'ok', 2],
      ['World, file URL', 'ok', 2],
      ['Missing', 'error', 0],
    ])
    expect(run.summary.files[0]!.error).toMatch(/polled, not imported/)
    expect(run.summary.files[4]!.error).toMatch(/ENOENT|no such file/)
    expect(run.lines.some((l) => l.includes('urdu'))).toBe(false)
  })

  it('stores only what is new when a file grows, deduplicating by guid, link and content within the file’s source', async () => {
    const db = join(dir, 'grow.db')
    const file = join(dir, 'grow.rss')
    const item = (guid: string, link: string, text: string, date: string) =>
      `<item><title>${text.split(' ').slice(0, 4).join(' ')}</title><guid>${guid}</guid><link>${link}</link><pubDate>${date}</pubDate><description>${text}</description></item>`
    const feed = (items: string[]) =>
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Growing</title><link>https://grow.example/</link>${items.join('')}</channel></rss>`
    const a = item(
      'g1',
      'https://grow.example/1',
      'Saudi Arabia severed diplomatic relations with Iran.',
      'Sun, 03 Jan 2016 21:00:00 GMT',
    )
    writeFileSync(file, feed([a]))
    expect((await runImport(db, [file])).summary.new_items).toBe(1)
    // A new story, the old one under a new guid (same link), and a copy of the old text under a new guid and link.
    const b = item(
      'g2',
      'https://grow.example/2',
      'Cuba and the United States restored diplomatic relations.',
      'Mon, 20 Jul 2015 09:00:00 GMT',
    )
    const sameLink = item(
      'g1-renamed',
      'https://grow.example/1',
      'Saudi Arabia severed diplomatic relations with Iran today.',
      'Sun, 03 Jan 2016 21:00:00 GMT',
    )
    const sameText = item(
      'g3',
      'https://grow.example/3',
      'Saudi Arabia severed diplomatic relations with Iran.',
      'Sun, 03 Jan 2016 21:00:00 GMT',
    )
    writeFileSync(file, feed([b, sameLink, sameText, a]))
    const grown = await runImport(db, [file])
    expect(grown.status).toBe(0)
    expect(grown.summary.files[0]).toMatchObject({ items: 4, new_items: 1, languages: { eng: 1 } })
  })

  it('serves what it imported: shifts in the feeds, files listed as sources', async () => {
    const db = join(dir, 'dir.db')
    const port = await freePort()
    const running = await startServer(
      parseConfig(
        { PORT: String(port), ENTENTE_DB: db, ENTENTE_POLL_MINUTES: '0' },
        { sources: fixture('demo.opml'), dbPath: db },
      ),
      silentLog,
    )
    try {
      const base = `http://127.0.0.1:${port}`
      const feed = (await (await fetch(`${base}/feeds/shifts.json`)).json()) as { items: { title: string }[] }
      expect(feed.items.map((i) => i.title)).toEqual(
        expect.arrayContaining([
          'Hamas–Iran: improving',
          'North Korea–South Korea: improving',
          'Russia–United Kingdom: deteriorating',
        ]),
      )
      const sources = (await (await fetch(`${base}/api/sources`)).json()) as {
        sources: {
          url: string
          kind: string
          last_outcome: string
          next_poll_at: string | null
          error: string | null
        }[]
      }
      expect(sources.sources).toHaveLength(9)
      expect(
        sources.sources.every((s) => s.kind === 'file' && s.url.startsWith('file:') && s.next_poll_at === null),
      ).toBe(true)
      expect(sources.sources.find((s) => s.url.endsWith('/broken.xml'))).toMatchObject({
        last_outcome: 'error',
        error: expect.stringMatching(/malformed feed/),
      })
    } finally {
      await running.close()
    }
  })

  it('says what to name when given nothing', async () => {
    const run = spawn(process.execPath, [BIN, 'import'], {
      env: { ...process.env, ENTENTE_DB: join(dir, 'none.db') },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    run.stderr.on('data', (d) => (stderr += d))
    expect(await new Promise((ok) => run.once('exit', ok))).toBe(1)
    expect(stderr.trim()).toBe(
      'entente import: name what to import: feed files, directories of them, or OPML lists of file paths',
    )
  })
})

describe('npm run demo', () => {
  let child: ChildProcess | undefined
  afterAll(async () => {
    if (child?.exitCode === null) {
      process.kill(-child.pid!, 'SIGTERM')
      await new Promise((ok) => child!.once('exit', ok))
    }
  })

  it('imports the sample feeds into a fresh database and serves their shifts with the network unplugged', async () => {
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.demo).toBe('node bin/entente.mjs demo')
    const port = await freePort()
    const db = join(dir, 'demo', 'demo.db')
    mkdirSync(join(dir, 'demo'))
    // A stale file where the demo keeps its database: the demo starts from scratch, whatever was there.
    writeFileSync(db, 'not a database')
    child = spawn('npm', ['run', '--silent', 'demo'], {
      cwd: ROOT,
      detached: true,
      env: {
        ...process.env,
        PORT: String(port),
        ENTENTE_DEMO_DB: db,
        NODE_OPTIONS: `--import ${NO_NETWORK}`,
        npm_config_update_notifier: 'false',
        ENTENTE_ADMIN_TOKEN: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let log = ''
    child.stderr!.on('data', (d) => (log += d))
    child.stdout!.on('data', (d) => (log += d))
    await new Promise<void>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`the demo was not ready within 60 s:\n${log}`)), 60_000)
      const check = () => {
        if (log.includes('Ctrl-C stops it')) {
          clearTimeout(timer)
          ok()
        }
      }
      child!.stderr!.on('data', check)
      child!.once('exit', (code) => fail(new Error(`the demo exited ${code}:\n${log}`)))
    })
    expect(log).toMatch(/Entente demo: \d+ shifts across \d+ pairs from 5 sample feeds, ready in [\d.]+ s\./)
    expect(log).toContain('imported 5 of 5 files')
    const base = `http://127.0.0.1:${port}`
    const home = await (await fetch(`${base}/`)).text()
    expect(home).toContain('North Korea–South Korea')
    expect(home).toContain('<title id="pair-network-title">The most active pairs, 2018-03-01 to 2018-03-30</title>')
    const feed = (await (await fetch(`${base}/feeds/shifts.json`)).json()) as { items: unknown[] }
    expect(feed.items.length).toBeGreaterThanOrEqual(25)
    const sources = (await (await fetch(`${base}/api/sources`)).json()) as {
      languages: Record<string, number>
      unanalysed: number
    }
    expect(sources).toMatchObject({ languages: { eng: 27, por: 3, urd: 3 }, unanalysed: 6 })
    // Nothing tried to leave the machine: no connection, no name lookup.
    expect(log).not.toContain('network blocked')
  }, 90_000)
})
