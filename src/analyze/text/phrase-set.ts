// Multi-word phrase lookups over token norms, indexed by first and by last word so a lookup only compares the
// phrases that could match there. Answers for the sentence being analysed are remembered: the same positions
// are asked about again and again by the roles, the argument finder and the flag scopes.
import { tokenize, type Token } from './tokenize.ts'

export class PhraseSet {
  private readonly byLast = new Map<string, string[][]>()
  private readonly byFirst = new Map<string, string[][]>()
  readonly maxLength: number
  private memoTokens: Token[] | null = null
  private memoEnds = new Int8Array(0)
  private memoStarts = new Int8Array(0)

  constructor(phrases: string[]) {
    let max = 1
    for (const p of phrases) {
      const words = tokenize(p).map((t) => t.norm)
      if (!words.length) continue
      max = Math.max(max, words.length)
      const last = words[words.length - 1]!
      this.byLast.set(last, [...(this.byLast.get(last) ?? []), words])
      this.byFirst.set(words[0]!, [...(this.byFirst.get(words[0]!) ?? []), words])
    }
    this.maxLength = max
  }

  private memo(tokens: Token[]): void {
    if (this.memoTokens === tokens) return
    this.memoTokens = tokens
    const n = tokens.length + 1
    if (this.memoEnds.length < n) {
      this.memoEnds = new Int8Array(n * 2)
      this.memoStarts = new Int8Array(n * 2)
    }
    this.memoEnds.fill(-1, 0, n)
    this.memoStarts.fill(-1, 0, n)
  }

  /** Length in tokens of the longest phrase ending at token `end - 1`, or 0. */
  endingAt(tokens: Token[], end: number): number {
    if (end < 1 || end > tokens.length) return 0
    this.memo(tokens)
    const known = this.memoEnds[end]!
    if (known >= 0) return known
    let best = 0
    const cands = this.byLast.get(tokens[end - 1]!.norm)
    if (cands) {
      for (const words of cands) {
        const start = end - words.length
        if (start < 0 || words.length <= best) continue
        let ok = true
        for (let k = 0; k < words.length - 1 && ok; k++) if (tokens[start + k]!.norm !== words[k]) ok = false
        if (ok) best = words.length
      }
    }
    this.memoEnds[end] = best
    return best
  }

  /** Length of the longest phrase starting at token `start`, or 0. */
  startingAt(tokens: Token[], start: number): number {
    if (start < 0 || start >= tokens.length) return 0
    this.memo(tokens)
    const known = this.memoStarts[start]!
    if (known >= 0) return known
    let best = 0
    const cands = this.byFirst.get(tokens[start]!.norm)
    if (cands) {
      for (const words of cands) {
        if (start + words.length > tokens.length || words.length <= best) continue
        let ok = true
        for (let k = 1; k < words.length && ok; k++) if (tokens[start + k]!.norm !== words[k]) ok = false
        if (ok) best = words.length
      }
    }
    this.memoStarts[start] = best
    return best
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
