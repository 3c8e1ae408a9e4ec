// Runs a snippet of TypeScript in its own Node process with a hard deadline. Code that spins synchronously (a
// catastrophic regular expression) cannot be interrupted inside the test process; a child can be killed, so a
// regression fails with a message instead of hanging the suite.
import { spawn, spawnSync } from 'node:child_process'
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
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: deadlineMs,
    maxBuffer: 64 * 1024 * 1024,
  })
  return { finished: run.signal === null, status: run.status, stdout: run.stdout, stderr: run.stderr }
}

/**
 * Like runIsolated, for long runs that report progress one line at a time: the child is killed when no line
 * arrives for `stallMs`, so a case that hangs fails the test (with the output so far) instead of the suite.
 */
export function runWatched(code: string, stallMs: number): Promise<IsolatedRun> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    let killed = false
    let timer = setTimeout(stall, stallMs)
    function stall() {
      killed = true
      child.kill('SIGKILL')
    }
    child.stdout.on('data', (d) => {
      stdout += d
      clearTimeout(timer)
      timer = setTimeout(stall, stallMs)
    })
    child.stderr.on('data', (d) => (stderr += d))
    child.once('exit', (status) => {
      clearTimeout(timer)
      done({ finished: !killed, status, stdout, stderr })
    })
  })
}
