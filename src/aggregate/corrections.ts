// What a correction is: a published shift whose direction changed, or whose evidence disappeared. Either is
// published as an update of the same entry, never a silent rewrite; a withdrawn shift stays as a tombstone entry
// for 30 days, so readers that saw it learn it is gone, and is then forgotten.
import type { Direction } from '../types.ts'

export const TOMBSTONE_DAYS = 30
const DAY_MS = 86_400_000

export type CorrectionReason = 'reanalysis' | 'new-evidence'

/** Tombstones withdrawn before this instant are past their 30 days. */
export function tombstoneCutoff(now: Date): string {
  return new Date(now.getTime() - TOMBSTONE_DAYS * DAY_MS).toISOString()
}

/** What a published shift was, as far as corrections care. */
export interface PublishedState {
  direction: Direction
  withdrawn: boolean
}

/**
 * The direction to record as "previously" when a shift is rewritten, or null when the change is no correction: a
 * new shift, the same direction with new numbers or quotes, or a tombstone that stays one.
 */
export function correctedFrom(old: PublishedState | null, next: Direction | null): Direction | 'withdrawn' | null {
  if (!old) return null
  if (old.withdrawn) return next ? 'withdrawn' : null
  if (next === null) return old.direction
  return next === old.direction ? null : old.direction
}

export function describeReason(reason: string | null | undefined): string {
  return reason === 'reanalysis' ? 're-analysis with an improved engine' : 'new evidence'
}
