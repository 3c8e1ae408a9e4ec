// Multi-word phrase lookups over token norms.
import { tokenize, type Token } from './tokenize.ts'

export class PhraseSet {
  private readonly byLast = new Map<string, string[][]>()
  readonly maxLength: number

  constructor(phrases: string[]) {
    let max = 1
    for (const p of phrases) {
      const words = tokenize(p).map((t) => t.norm)
      if (!words.length) continue
      max = Math.max(max, words.length)
      const last = words[words.length - 1]!
      this.byLast.set(last, [...(this.byLast.get(last) ?? []), words])
    }
    this.maxLength = max
  }

  /** Length in tokens of a phrase ending at token `end - 1`, or 0. */
  endingAt(tokens: Token[], end: number): number {
    const last = tokens[end - 1]
    if (!last) return 0
    const cands = this.byLast.get(last.norm)
    if (!cands) return 0
    let best = 0
    for (const words of cands) {
      const start = end - words.length
      if (start < 0) continue
      let ok = true
      for (let k = 0; k < words.length; k++) if (tokens[start + k]!.norm !== words[k]) ok = false
      if (ok) best = Math.max(best, words.length)
    }
    return best
  }

  /** Length of a phrase starting at token `start`, or 0. */
  startingAt(tokens: Token[], start: number): number {
    for (let len = Math.min(this.maxLength, tokens.length - start); len >= 1; len--) {
      if (this.endingAt(tokens, start + len) === len) return len
    }
    return 0
  }

  /** Whether a phrase ends anywhere in tokens [from, to). */
  anyIn(tokens: Token[], from: number, to: number): boolean {
    for (let e = Math.max(from + 1, 1); e <= to; e++) {
      const len = this.endingAt(tokens, e)
      if (len && e - len >= from) return true
    }
    return false
  }
}
