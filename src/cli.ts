// Command-line entry point (`npx entente <command>`). Node-only: reads files, stdin and the environment.
import { readFileSync } from 'node:fs'
import { analyzeText } from './analyze/analyze-text.ts'
import { actorsJson, analyzeJsonl, explainText, signalView } from './cli/analyze-command.ts'
import { calendarDateProblem } from './cli/calendar-date.ts'
import { EXPORT_USAGE } from './cli/export-command.ts'

const USAGE = `usage: entente <command>
  serve                      start the HTTP service and the poll timer (what npm start runs)
  poll --once                poll every source once and print the summary as JSON
  import PATH…               store feed files, directories of them or OPML lists of file paths (no network),
                             with a progress line per file on stderr and the summary as JSON on stdout
  demo                       import the sample feeds into a fresh database (data/demo.db) and serve them offline
  migrate                    create or migrate the SQLite database
  reanalyze [--since YYYY-MM-DD] [--chunk N]
                             re-run the current engine over stored items (since a day), replace their signals,
                             re-aggregate the days they change; resumable, progress on stderr
  actors --json              print the actor gazetteer
  ${EXPORT_USAGE}
  analyze [--date YYYY-MM-DD] [--jsonl] [--explain] [FILE|-]
                             analyze text (or {id,date,text} JSON lines with --jsonl) into signals and pairs`

function readInput(file: string | undefined): string {
  return readFileSync(file && file !== '-' ? file : 0, 'utf8')
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  const flag = (name: string) => rest.includes(name)
  const option = (name: string) => {
    const i = rest.indexOf(name)
    return i >= 0 ? rest[i + 1] : undefined
  }
  const positional = rest.filter(
    (a, i) => !a.startsWith('--') && !(i > 0 && ['--date', '--since', '--chunk'].includes(rest[i - 1]!)),
  )
  try {
    switch (command) {
      case 'actors':
        process.stdout.write(actorsJson() + '\n')
        return 0
      case 'analyze': {
        // Checked before reading stdin, which may never end.
        const date = option('--date')
        const problem = flag('--date') ? calendarDateProblem(date) : null
        if (problem) throw new Error(`--date ${problem}`)
        const input = readInput(positional[0])
        if (flag('--jsonl')) {
          process.stdout.write(analyzeJsonl(input))
          return 0
        }
        if (flag('--explain')) process.stdout.write(explainText(input, date) + '\n')
        else {
          const result = analyzeText(input, date ? { date } : {})
          process.stdout.write(
            JSON.stringify({ signals: result.signals.map(signalView), pairs: result.pairs }, null, 2) + '\n',
          )
        }
        return 0
      }
      case 'serve':
      case 'poll':
      case 'import':
      case 'demo':
      case 'reanalyze':
      case 'export':
      case 'migrate': {
        const { runNodeCommand } = await import('./node.ts')
        return await runNodeCommand(command, rest)
      }
      case undefined:
      case 'help':
      case '--help':
        process.stdout.write(USAGE + '\n')
        return command ? 0 : 2
      default:
        process.stderr.write(`entente: unknown command "${command}"\n${USAGE}\n`)
        return 2
    }
  } catch (err) {
    process.stderr.write(`entente ${command}: ${err instanceof Error ? err.message : String(err)}\n`)
    return 1
  }
}
