// "relations between A and B", "US-China talks", "Ankara's EU bid": a clause that names its pair outright is about
// exactly that pair, whatever else it mentions.
import type { Mention } from '../mentions/find-mentions.ts'
import type { Clause } from '../text/split-clauses.ts'

const PAIR_NOUNS =
  '(relations|ties|talks|relationship|summit|trade war|rivalry|rapprochement|dialogue|negotiations|détente|detente|tensions|conflict|war|deal|agreement|accord|border|dispute|row|standoff|alliance|partnership|cooperation|treaty|pact|peace talks|peace process|normali[sz]ation)'
const HYPHEN_PAIR = new RegExp(`(@+)-(@+)\\s+(?:[a-z]+\\s+)?${PAIR_NOUNS}\\b`)
// (each side may be a titled person or a demonym with its noun: "between Greek Cypriot President Nicos
// Anastasiades and Turkish Cypriot leader Mustafa Akinci", "between Israeli forces and Hamas")
const BETWEEN_PAIR = /\bbetween\s+(?:the\s+)?(@+)(?:\s+[a-z-]+){0,2}(?:\s+@+)?\s+and\s+(?:the\s+)?(@+)/
// "Ankara's EU bid", "Turkey's EU membership talks": a country's bid to join an organisation (the possessive is masked)
const MEMBERSHIP_PAIR =
  /(@+) (@+) (?:(?:membership|accession|entry) )?(?:bid|bids|application|candidacy|hopes|aspirations|ambitions|talks|negotiations|membership|accession|entry)\b/

/** "relations between A and B", "US-China talks": the clause is about exactly that pair. */
export function explicitPair(
  masked: string,
  clause: Clause,
  mentions: Mention[],
  sentence = '',
  isOrganisation: (id: string) => boolean = () => false,
): [Mention, Mention] | null {
  const text = masked.slice(clause.start, clause.end)
  const membership = MEMBERSHIP_PAIR.exec(text)
  if (membership) {
    const m1 = mentions.find((m) => m.start === clause.start + membership.index)
    const m2 = mentions.find((m) => m.start === clause.start + membership.index + membership[1]!.length + 1)
    if (
      m1 &&
      m2 &&
      /^['’]/.test(sentence.slice(m1.end, m1.end + 1)) &&
      m1.rollup !== m2.rollup &&
      isOrganisation(m2.rollup) &&
      !isOrganisation(m1.rollup)
    )
      return [m1, m2]
  }
  if (!text.includes('between') && !text.includes('@-@')) return null
  const at = (offset: number) => mentions.find((m) => m.start === clause.start + offset)
  const between = BETWEEN_PAIR.exec(text)
  if (between) {
    const m1 = at(between.index + between[0].indexOf(between[1]!))
    const m2 = at(between.index + between[0].lastIndexOf(between[2]!))
    if (m1 && m2 && m1.rollup !== m2.rollup && m1.role !== 'place' && m2.role !== 'place') return [m1, m2]
  }
  const hy = HYPHEN_PAIR.exec(text)
  if (hy) {
    const m1 = at(hy.index)
    const m2 = at(hy.index + hy[1]!.length + 1)
    if (m1 && m2 && m1.rollup !== m2.rollup) return [m1, m2]
  }
  return null
}
