// The Workers logger: one JSON object per event on the console, which Workers Logs and `wrangler tail` index.
import type { Logger } from '../../poll/run-poll.ts'

export const jsonLogger: Logger = {
  info: (message, fields) => console.log(JSON.stringify({ level: 'info', message, ...fields })),
  warn: (message, fields) => console.warn(JSON.stringify({ level: 'warn', message, ...fields })),
  error: (message, fields) => console.error(JSON.stringify({ level: 'error', message, ...fields })),
}
