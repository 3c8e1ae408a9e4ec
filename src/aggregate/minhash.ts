// MinHash signatures over word shingles: two texts agree on a share of signature slots that estimates the Jaccard
// similarity of their sets of three-word sequences, so copies of one sentence (syndicated, re-headed, trimmed) are
// found without comparing texts word by word. Pure and seeded with constants: the same text, the same signature.

const SLOTS = 64
const SHINGLE = 3
const SEEDS = Array.from({ length: SLOTS }, (_, i) => Math.imul(i + 1, 0x9e3779b9) >>> 0)

/** The words of a text, lower-cased, letters and digits only: punctuation, quotes and spacing never tell copies apart. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
}

/** One text's normal form: its words joined by single spaces. */
export function normalText(text: string): string {
  return words(text).join(' ')
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/** murmur3's finaliser: spreads a seeded hash over all 32 bits. */
function mix(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

export function shingles(text: string): string[] {
  const w = words(text)
  if (w.length <= SHINGLE) return [w.join(' ')]
  return Array.from({ length: w.length - SHINGLE + 1 }, (_, i) => w.slice(i, i + SHINGLE).join(' '))
}

export function minhash(text: string): Uint32Array {
  const sig = new Uint32Array(SLOTS).fill(0xffffffff)
  for (const s of new Set(shingles(text))) {
    const base = fnv1a(s)
    for (let i = 0; i < SLOTS; i++) {
      const v = mix(base ^ SEEDS[i]!)
      if (v < sig[i]!) sig[i] = v
    }
  }
  return sig
}

/** The estimated Jaccard similarity of the two texts' shingle sets, in [0, 1]. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0
  for (let i = 0; i < SLOTS; i++) if (a[i] === b[i]) same++
  return same / SLOTS
}

/** `bands` keys of `rows` slots each: texts that agree on a whole band are candidates for a comparison. */
export function bandKeys(sig: Uint32Array, rows: number): string[] {
  const keys: string[] = []
  for (let i = 0; i + rows <= SLOTS; i += rows) keys.push(`${i}:${Array.from(sig.subarray(i, i + rows)).join(',')}`)
  return keys
}

export function hashHex(s: string): string {
  return fnv1a(s).toString(16).padStart(8, '0')
}
