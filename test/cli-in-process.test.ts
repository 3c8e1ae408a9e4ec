// The CLI's commands through main() in this process, over a real SQLite file: import the sample feeds, export what
// they gave, re-analyse, and the commands that need no database. test/cli.test.ts and test/import-demo.test.ts run
// the same commands as real child processes; these also let `npm run coverage` see the code they run.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../src/cli.ts'

let dir: string
const saved = { ENTENTE_DB: process.env.ENTENTE_DB }
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'entente-cli-'))
  process.env.ENTENTE_DB = join(dir, 'cli.db')
})
afterAll(() => {
  if (saved.ENTENTE_DB === undefined) delete process.env.ENTENTE_DB
  else process.env.ENTENTE_DB = saved.ENTENTE_DB
  rmSync(dir, { recursive: true, force: true })
})

/** Runs `entente ARGS…` in this process; resolves with its exit code and what it wrote to stdout and stderr. */
async function run(...args: string[]) {
  const out = { stdout: '', stderr: '' }
  const write = { stdout: process.stdout.write, stderr: process.stderr.write }
  process.stdout.write = ((chunk: string | Uint8Array) => (
    (out.stdout += String(chunk)),
    true
  )) as typeof process.stdout.write
  process.stderr.write = ((chunk: string | Uint8Array) => (
    (out.stderr += String(chunk)),
    true
  )) as typeof process.stderr.write
  try {
    const status = await main(args)
    return { status, ...out }
  } finally {
    process.stdout.write = write.stdout
    process.stderr.write = write.stderr
  }
}

describe('entente, in process', () => {
  it('migrate, import, export and reanalyze over one database', async () => {
    expect((await run('migrate')).status).toBe(0)
    const imported = await run('import', 'feeds/samples')
    expect(imported.status).toBe(3) // two sample files are no feeds, on purpose
    const summary = JSON.parse(imported.stdout) as { new_items: number; files: { outcome: string }[] }
    expect(summary.new_items).toBe(37)
    expect(imported.stderr.split('\n').filter((l) => l.startsWith('import ['))).toHaveLength(9)

    const csv = join(dir, 'shifts.csv')
    const exported = await run('export', 'shifts', '--format', 'csv', '--out', csv, '--since', '2015-01-01')
    expect(exported.status).toBe(0)
    const rows = readFileSync(csv, 'utf8').trimEnd().split('\r\n')
    expect(rows[0]).toMatch(/^id,pair,a,a_name,b,b_name,day,direction,/)
    expect(rows.length).toBeGreaterThan(20)
    expect(exported.stderr).toMatch(new RegExp(`export written export=shifts lines=${rows.length} file=`))
    const signals = await run('export', '--format', 'ndjson')
    expect(signals.status).toBe(0)
    const lines = signals.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { cursor: number; pair: string })
    expect(lines.length).toBeGreaterThan(20)
    expect(lines.map((l) => l.cursor)).toEqual([...lines.map((l) => l.cursor)].sort((x, y) => x - y))
    expect((await run('export', 'signals', '--format', 'csv')).stderr).toBe(
      'entente export: signals are exported as ndjson: use --format ndjson\n',
    )

    // The engine that stored them is the current one: nothing to redo.
    const again = await run('reanalyze', '--since', '2015-01-01', '--chunk', '20')
    expect(again.status).toBe(0)
    expect(JSON.parse(again.stdout)).toMatchObject({ items: 0, changed_items: 0, remaining: 0 })
    expect(again.stderr).toMatch(/^reanalyze: 0 items analysed, 0 changed; affected days re-aggregated\n$/)
    expect((await run('reanalyze', '--since', 'yesterday')).stderr).toBe(
      'entente reanalyze: --since must be a day, YYYY-MM-DD\n',
    )
    expect((await run('reanalyze', '--chunk', '500')).stderr).toBe(
      'entente reanalyze: --chunk must be a whole number from 1 to 90\n',
    )
    expect((await run('import')).stderr).toBe(
      'entente import: name what to import: feed files, directories of them, or OPML lists of file paths\n',
    )
  })

  it('analyze reads a file as text or as JSON lines, and actors and help need no database', async () => {
    const text = join(dir, 'text.txt')
    writeFileSync(text, 'Saudi Arabia severed diplomatic relations with Iran.')
    const analyzed = await run('analyze', '--date', '2016-01-03', text)
    expect(analyzed.status).toBe(0)
    expect(JSON.parse(analyzed.stdout).pairs).toMatchObject([
      { pair: 'iran--saudi-arabia', direction: 'deteriorating' },
    ])
    const jsonl = join(dir, 'lines.jsonl')
    writeFileSync(
      jsonl,
      '{"id":"a","date":"2016-01-03","text":"Saudi Arabia severed diplomatic relations with Iran."}\n',
    )
    const lines = await run('analyze', '--jsonl', jsonl)
    expect(lines.status).toBe(0)
    expect(JSON.parse(lines.stdout.trim().split('\n')[0]!)).toMatchObject({ id: 'a' })
    expect((await run('actors', '--json')).stdout).toMatch(/^\{"actors":\[/)
    expect((await run('help')).status).toBe(0)
    expect((await run('nonsense')).status).toBe(2)
  })
})
