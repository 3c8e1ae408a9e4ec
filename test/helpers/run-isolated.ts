// Runs a snippet of TypeScript in its own Node process with a hard deadline. Code that spins synchronously (a
// catastrophic regular expression) cannot be interrupted inside the test process; a child can be killed, so a
// regression fails with a message instead of hanging the suite.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

export interface IsolatedRun {
  /** false when the deadline killed it */
  finished: boolean
  status: number | null
  stdout: string
  stderr: string
}

/** `code` is an ES module body run from the repository root; imports name files like './src/…'. */
export function runIsolated(code: string, deadlineMs: number): IsolatedRun {
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8', timeout: deadlineMs, maxBuffer: 64 * 1024 * 1024 })
  return { finished: run.signal === null, status: run.status, stdout: run.stdout, stderr: run.stderr }
}
