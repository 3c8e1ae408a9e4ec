// Each measurement runs in its own process (see run-bench.ts) so that one part's heap, JIT state and peak
// memory never colour another's. A part module calls runPart; its result is the last stdout line, as JSON.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

export type PartResult = Record<string, number | string>

export function progress(message: string): void {
  process.stderr.write(`  · ${message}\n`)
}

export function runPart(moduleUrl: string, measure: () => Promise<PartResult>): void {
  if (!process.argv[1] || pathToFileURL(process.argv[1]).href !== moduleUrl) return
  measure().then(
    (result) => {
      process.stdout.write(`${JSON.stringify(result)}\n`)
      process.exit(0)
    },
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
      process.exit(1)
    },
  )
}

/** A scratch directory removed when `fn` settles. */
export async function withTempDir<T>(prefix: string, fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), `entente-bench-${prefix}-`))
  try {
    return await fn(dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

export const silentLog = { info: () => {}, warn: () => {}, error: () => {} }

export const round = (x: number, digits = 3) => Number(x.toFixed(digits))

/**
 * With BENCH_PROFILE=DIR, writes DIR/<label>.cpuprofile covering just `fn` (node --cpu-prof would also cover
 * set-up and data generation); summarise it with bench/profile-summary.ts.
 */
export async function profiled<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const dir = process.env.BENCH_PROFILE
  if (!dir) return fn()
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.start')
  try {
    return await fn()
  } finally {
    const { profile } = await session.post('Profiler.stop')
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, `${label}.cpuprofile`), JSON.stringify(profile))
    session.disconnect()
  }
}
