// `npm run demo`: the sample feeds in feeds/samples/ imported into a fresh database and served, with polling off,
// so a newcomer without internet sees shifts in seconds. Nothing is fetched: imports read files, and no timer runs.
import { mkdirSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { runImport } from '../../cli/import-command.ts'
import type { Config } from '../../config.ts'
import type { Logger } from '../../poll/run-poll.ts'
import { demoDbPath, openSqlite, ROOT } from './node-config.ts'
import { startServer } from './start-server.ts'

export async function startDemo(config: Config, log: Logger) {
  const started = Date.now()
  const dbPath = demoDbPath()
  mkdirSync(dirname(dbPath), { recursive: true })
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(dbPath + suffix, { force: true })
  const db = await openSqlite(dbPath)
  let summary
  try {
    summary = await runImport(db, [join(ROOT, 'feeds', 'samples', 'demo.opml')], {
      progress: (line) => process.stderr.write(line + '\n'),
    })
  } finally {
    await db.close()
  }
  const running = await startServer({ ...config, dbPath, pollMinutes: 0 }, log)
  const pairs = await running.db.kysely
    .selectFrom('pairs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst()
  const shifts = await running.db.kysely
    .selectFrom('shifts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst()
  const feeds = summary.files.filter((f) => f.outcome === 'ok').length
  process.stderr.write(
    `\nEntente demo: ${Number(shifts?.n ?? 0)} shifts across ${Number(pairs?.n ?? 0)} pairs from ${feeds} sample feeds, ready in ${((Date.now() - started) / 1000).toFixed(1)} s.\n` +
      `Open http://localhost:${config.port}/ (database ${dbPath}; polling is off, nothing is fetched from the network). Ctrl-C stops it.\n\n`,
  )
  return running
}
