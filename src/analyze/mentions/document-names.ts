// People an article names in full once and by surname elsewhere ("Vajpayee rides bus to Lahore for summit with
// Sharif. … Prime Minister Nawaz Sharif"): the surname alone means the same office holder anywhere in the article,
// the headline before the full name included. A surname two people of the article share stays unresolved.
import type { Match } from './gazetteer.ts'
import type { Token } from '../text/tokenize.ts'

const SUFFIX = new Set(['jr', 'sr', 'ii', 'iii'])

export type DocumentNames = Map<string, Match | null>

/** The surnames of the office holders matched by their full name in the article's sentences. */
export function documentNames(sentences: { tokens: Token[]; matches: Match[] }[]): DocumentNames {
  const names: DocumentNames = new Map()
  for (const { tokens, matches } of sentences) {
    for (const m of matches) {
      if (m.via !== 'person' || m.end - m.start < 2) continue
      let last = m.end - 1
      while (last > m.start && (SUFFIX.has(tokens[last]!.norm) || tokens[last]!.norm === '.')) last--
      const surname = tokens[last]!.norm
      const known = names.get(surname)
      if (known === undefined) names.set(surname, { ...m, start: 0, end: 1, alternatives: undefined })
      else if (known && known.actor !== m.actor) names.set(surname, null)
    }
  }
  return names
}

/** The sentence's matches with a match added for each capitalised surname the article resolved elsewhere. */
export function withDocumentNames(tokens: Token[], matches: Match[], names: DocumentNames): Match[] {
  if (!names.size) return matches
  const covered = new Uint8Array(tokens.length)
  for (const m of matches) for (let k = m.start; k < m.end; k++) covered[k] = 1
  const added: Match[] = []
  tokens.forEach((t, k) => {
    if (covered[k] || !/^\p{Lu}/u.test(t.text)) return
    const m = names.get(t.norm)
    // "Sharif's", "Sharif said": the surname alone, not the first word of another name
    if (m && !/^\p{Lu}\p{Ll}/u.test(tokens[k + 1]?.text ?? '') && !/^\p{Lu}\p{Ll}/u.test(tokens[k - 1]?.text ?? '')) {
      const { alternatives: _drop, ...rest } = m
      added.push({ ...rest, start: k, end: k + 1 })
    }
  })
  return added.length ? [...matches, ...added].sort((a, b) => a.start - b.start) : matches
}
