// Feeds read by newsboat (Debian), headless: reload then count unread articles.
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { populatedApp } from '../http/populated-app.ts'
import { requirement } from '../helpers/requirement.ts'

const NEWSBOAT = '/usr/bin/newsboat'
const has = existsSync(NEWSBOAT)
requirement(has, 'newsboat', 'apt-get install newsboat (.ci/run does)')
const run = promisify(execFile)

describe.skipIf(!has)('newsboat', () => {
  let t: Awaited<ReturnType<typeof populatedApp>>
  let base = ''
  beforeAll(async () => {
    // served on 127.0.0.1 by the real Node server with compression
    t = await populatedApp()
    base = t.origin
  })
  afterAll(() => t.close())

  const reload = async (paths: string[]) => {
    const dir = mkdtempSync(join(tmpdir(), 'newsboat-'))
    writeFileSync(join(dir, 'urls'), paths.map((p) => base + p).join('\n') + '\n')
    writeFileSync(join(dir, 'config'), 'reload-threads 2\ndownload-timeout 10\n')
    const args = [
      '-u',
      join(dir, 'urls'),
      '-c',
      join(dir, 'cache.db'),
      '-C',
      join(dir, 'config'),
      '-x',
      'reload',
      'print-unread',
    ]
    const { stdout, stderr } = await run(NEWSBOAT, args, {
      env: { ...process.env, HOME: dir, TERM: 'dumb' },
      timeout: 60_000,
    })
    expect(stderr).not.toMatch(/error/i)
    return stdout.trim()
  }
  const ids = async (path: string) =>
    ((await (await t.get(path)).json()) as { items: { id: string }[] }).items.map((i) => i.id)

  // Debian's newsboat 2.21 predates JSON Feed support; JSON feeds are checked against the 1.1 schema instead.
  for (const format of ['atom', 'rss']) {
    it(`reads the ${format} feed and counts every entry`, async () => {
      const n = (await ids('/feeds/shifts.json')).length
      expect(n).toBeGreaterThan(5)
      expect(await reload([`/feeds/shifts.${format}`])).toBe(`${n} unread articles`)
    })
  }

  it('recognises the same entry across formats and feeds by its stable id', async () => {
    // newsboat keys articles by guid across feeds; our entry ids are the same in every format and feed.
    const all = [
      ...(await ids('/feeds/shifts.json')),
      ...(await ids('/feeds/pairs/hamas--iran.json')),
      ...(await ids('/feeds/actors/hamas.json')),
    ]
    expect(
      await reload([
        '/feeds/shifts.atom',
        '/feeds/shifts.rss',
        '/feeds/pairs/hamas--iran.atom',
        '/feeds/actors/hamas.rss',
      ]),
    ).toBe(`${new Set(all).size} unread articles`)
  })
})
