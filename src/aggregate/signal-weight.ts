// How much one signal counts as evidence: its confidence, discounted for its mode (history and hypotheticals weigh
// less than current, asserted news) and for a date that had to be inferred.
import type { SignalFlag } from '../types.ts'

/** An article whose date had to be inferred may be older than it is filed: it counts half. */
export const INFERRED_DATE_WEIGHT = 0.5

/** How much a claim's mode lets it count: history and hypotheticals weigh less than current, asserted news. */
export function modeWeight(flags: SignalFlag[]): number {
  let w = 1
  if (flags.includes('historical')) w *= 0.3
  if (flags.includes('hypothetical')) w *= 0.4
  if (flags.includes('reported')) w *= 0.85
  return w
}

/** How much a signal counts as evidence: its confidence, discounted for its mode and for an inferred date. */
export function signalWeight(s: { confidence: number; flags: SignalFlag[]; dateInferred?: boolean }): number {
  return s.confidence * modeWeight(s.flags) * (s.dateInferred ? INFERRED_DATE_WEIGHT : 1)
}
