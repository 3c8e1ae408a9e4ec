import type { PairVerdict } from '../../types.ts'

/** A pair whose evidence is weaker than this share of the article's best-supported pair is a passing remark. */
export const SALIENCE = 0.45

/**
 * "… said Wednesday in a further sign of strained relations": beside the relations an article is about, it touches
 * others in passing — a hedged aside, a reaction quoted in the last clause. Those are left out, so the feeds carry
 * what the article reports rather than everything it names.
 */
export function salientPairs(pairs: PairVerdict[]): PairVerdict[] {
  const best = Math.max(0, ...pairs.map((p) => p.confidence))
  return pairs.filter((p) => p.confidence >= SALIENCE * best)
}
