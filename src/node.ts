// Node entry point: the commands that need a database, a server or the network (`serve`, `demo`, `poll`,
// `import`, `migrate`, `reanalyze`, `export`), wired from the Node adapter in src/runtime/node/.
import { runImport } from './cli/import-command.ts'
import { importSummaryJson } from './cli/import-summary-json.ts'
import { reanalyzeCommand } from './cli/reanalyze-command.ts'
import { writeExport } from './cli/write-export.ts'
import { loadSources } from './ingest/load-sources.ts'
import { pollSummaryJson } from './poll/poll-summary-json.ts'
import { runPoll } from './poll/run-poll.ts'
import {
  consoleLogger,
  nodeConfig,
  nodePollDeps,
  openSqlite,
  readSourceFile,
  startDemo,
  startServer,
} from './runtime/node/index.ts'

export async function runNodeCommand(command: string, args: string[]): Promise<number> {
  const config = nodeConfig()
  const log = consoleLogger()
  if (command === 'migrate') {
    const db = await openSqlite(config.dbPath)
    await db.close()
    log.info('database ready', { db: config.dbPath })
    return 0
  }
  if (command === 'poll') {
    if (!args.includes('--once')) throw new Error('poll runs one cycle: use `entente poll --once`')
    const db = await openSqlite(config.dbPath)
    try {
      const deps = nodePollDeps(config, db, log)
      const summary = await runPoll(deps, await loadSources(config.sources, deps.fetch, readSourceFile), {
        force: args.includes('--force'),
      })
      process.stdout.write(JSON.stringify(pollSummaryJson(summary), null, 2) + '\n')
      return summary.sources.some((s) => s.outcome === 'error') ? 3 : 0
    } finally {
      await db.close()
    }
  }
  if (command === 'reanalyze') return reanalyzeCommand(config, args)
  if (command === 'export') return writeExport(config, args, log)
  if (command === 'import') {
    const paths = args.filter((a) => !a.startsWith('--'))
    if (!paths.length)
      throw new Error('name what to import: feed files, directories of them, or OPML lists of file paths')
    const db = await openSqlite(config.dbPath)
    try {
      const summary = await runImport(db, paths, { progress: (line) => process.stderr.write(line + '\n') })
      process.stdout.write(JSON.stringify(importSummaryJson(summary), null, 2) + '\n')
      return summary.files.some((f) => f.outcome === 'error') ? 3 : 0
    } finally {
      await db.close()
    }
  }
  const running = command === 'demo' ? await startDemo(config, log) : await startServer(config, log)
  const stop = async () => {
    log.info('shutting down')
    await running.close()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  await new Promise(() => {})
  return 0
}
