// What a test needs from outside the repository (a Debian tool, the shared corpus). In CI (CI set, as .ci/run
// exports it) a missing one fails the run, so nothing passes by skipping; elsewhere the test is skipped with one
// line saying what to install.
import { existsSync } from 'node:fs'

/** True when present; otherwise throws in CI, or prints one "skipped: …" line and answers false. */
export function requirement(present: boolean, what: string, install: string): boolean {
  if (present) return true
  if (process.env.CI) throw new Error(`${what} is missing (CI must not skip it): ${install}`)
  process.stderr.write(`skipped: ${what} is missing; ${install}\n`)
  return false
}

/** ../shared/real-feeds: the real publishers' feeds several tests read, next to the repository. */
export const REAL_FEEDS = new URL('../../../shared/real-feeds/', import.meta.url).pathname

export const hasRealFeeds = (what: string): boolean =>
  requirement(
    existsSync(REAL_FEEDS),
    `${what}: ../shared/real-feeds`,
    'check out the shared corpus next to the repository (../shared)',
  )
