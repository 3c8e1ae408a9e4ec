// Sentence boundaries for news prose: abbreviations, initials and quotes do not end sentences;
// paragraph breaks always do.

export interface SentenceSpan {
  text: string
  start: number
}

const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'gen',
  'lt',
  'col',
  'maj',
  'capt',
  'cmdr',
  'adm',
  'sgt',
  'sen',
  'rep',
  'gov',
  'pres',
  'amb',
  'st',
  'mt',
  'ft',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'no',
  'vs',
  'etc',
  'inc',
  'ltd',
  'co',
  'corp',
  'jr',
  'sr',
  'e.g',
  'i.e',
  'approx',
  'est',
  'dept',
  'univ',
  'fig',
  'al',
  'u.s',
  'u.n',
  'u.k',
  'e.u',
  'sheikh',
  'rev',
])

export function splitSentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = []
  const push = (from: number, to: number) => {
    const raw = text.slice(from, to)
    const lead = raw.length - raw.trimStart().length
    const s = raw.trim()
    if (s) out.push({ text: s, start: from + lead })
  }
  let start = 0
  const re = /([.!?…]+)(["'”’)\]]*)(\s+)(?=["'“‘(\[]?[\p{Lu}\d])|\n\s*\n|\n(?=\s*\p{Lu})/gu
  for (const m of text.matchAll(re)) {
    const at = m.index!
    if (m[1]) {
      const before = text.slice(Math.max(start, at - 12), at)
      const word = /([\p{L}.]+)$/u.exec(before)?.[1]?.toLowerCase() ?? ''
      if (
        m[1] === '.' &&
        (ABBREVIATIONS.has(word) ||
          ABBREVIATIONS.has(word.replace(/\.$/, '')) ||
          /^\p{L}$/u.test(word) ||
          /^(\p{L}\.)+\p{L}$/u.test(word))
      ) {
        // "U.S." at the end of a sentence followed by a capitalised word is ambiguous; prefer not splitting
        // unless the next word starts a typical sentence.
        const next = text.slice(at + m[0].length, at + m[0].length + 12)
        if (!/^(The|A|An|It|He|She|They|We|In|On|But|And|However|Meanwhile)\b/.test(next)) continue
      }
      const end = at + m[1].length + m[2]!.length
      push(start, end)
      start = end
    } else {
      push(start, at)
      start = at + m[0].length
    }
  }
  push(start, text.length)
  return out
}
