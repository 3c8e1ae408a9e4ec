// D1's statement limits, named once: every store query that grows with its input is cut to fit them, so what runs
// on better-sqlite3 (which takes 32,766 parameters and any number of compound terms) also runs on D1.
// https://developers.cloudflare.com/d1/platform/limits/

/** Bound parameters per statement. */
export const D1_MAX_PARAMS = 100
/** Terms per compound SELECT (`UNION ALL`). */
export const D1_MAX_COMPOUND_TERMS = 5
/** Values in one `IN (…)` list: the limit less room for the statement's other parameters. */
export const IN_LIST = 90
/** (pair, token) or (pair, day) conditions in one statement: two parameters each, with room to spare. */
export const PAIR_TERMS = 45

/** The list cut into consecutive slices of at most `size`. */
export function chunk<T>(list: readonly T[], size: number): T[][] {
  if (!(size >= 1)) throw new RangeError(`chunk size must be at least 1, not ${size}`)
  const out: T[][] = []
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size))
  return out
}
