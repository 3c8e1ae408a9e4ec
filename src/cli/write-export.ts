// `entente export`: writes an export to stdout or a file, honouring backpressure; the count of lines goes to
// stderr. A file appears under its name only once complete.
import { createWriteStream, renameSync, type WriteStream } from 'node:fs'
import { getEngine } from '../analyze/engine.ts'
import type { Config } from '../config.ts'
import { openExport } from '../http/export-streams.ts'
import type { Logger } from '../poll/run-poll.ts'
import { openSqlite } from '../runtime/node/node-config.ts'
import { parseExportArgs } from './export-command.ts'

export async function writeExport(config: Config, args: string[], log: Logger): Promise<number> {
  const request = parseExportArgs(args)
  const db = await openSqlite(config.dbPath)
  try {
    const opened = await openExport(
      { db, gazetteer: getEngine().gazetteer, baseUrl: config.baseUrl },
      request.name,
      request.search,
    )
    const target = request.out ? `${request.out}.partial` : null
    const out: NodeJS.WritableStream = target ? createWriteStream(target) : process.stdout
    let lines = 0
    for await (const line of opened.lines()) {
      lines++
      if (!out.write(line)) await new Promise<void>((ok) => out.once('drain', () => ok()))
    }
    if (target) {
      await new Promise<void>((ok, fail) => (out as WriteStream).end((err?: Error | null) => (err ? fail(err) : ok())))
      // Only a finished export takes the name asked for: an interrupted one never passes for complete.
      renameSync(target, request.out!)
    }
    log.info('export written', {
      export: request.name,
      lines,
      ...(opened.head !== undefined ? { cursor: opened.head } : {}),
      ...(request.out ? { file: request.out } : {}),
    })
    return 0
  } finally {
    await db.close()
  }
}
