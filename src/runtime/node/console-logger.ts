// The Node logger: one `time level message key=value…` line per event on stderr, values quoted only when needed.
import type { Logger } from '../../poll/run-poll.ts'

export function consoleLogger(stream: NodeJS.WritableStream = process.stderr): Logger {
  const line = (level: string, message: string, fields?: Record<string, unknown>) => {
    const kv = Object.entries(fields ?? {})
      .map(([k, v]) => `${k}=${typeof v === 'string' && !/\s/.test(v) ? v : JSON.stringify(v)}`)
      .join(' ')
    stream.write(`${new Date().toISOString()} ${level} ${message}${kv ? ' ' + kv : ''}\n`)
  }
  return {
    info: (m, f) => line('info', m, f),
    warn: (m, f) => line('warn', m, f),
    error: (m, f) => line('error', m, f),
  }
}
