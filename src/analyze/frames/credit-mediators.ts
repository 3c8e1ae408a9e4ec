// A party that credits a go-between ("Hamas officials said Egypt's mediation had helped consolidate the truce")
// states a good relation with it. Merely naming a mediator ("a deal brokered by the United States") does not.
import type { Signal } from '../../types.ts'
import * as words from '../data/context-words.ts'
import type { Mention } from '../mentions/find-mentions.ts'
import type { Token } from '../text/tokenize.ts'

const REPORTING = new Set(words.reportingVerbs)
const MEDIATION = new Set(['mediation', 'efforts', 'good', 'role', 'brokering', 'facilitation', 'help', 'support'])
const CREDIT_AFTER =
  /^(had |has |have )?(helped|help|helps|made|paved|secured|contributed|succeeded|led|enabled|allowed|brought|saved)\b/
const CREDIT_BEFORE =
  /(thanks to|thanked|thanking|credited|crediting|praised|praising|hailed|commended|lauded|grateful to|grateful for)\s*$/

export interface Credit {
  party: string
  mediator: string
  at: number
  confidence: number
  involved: Mention[]
}

export function creditedMediators(tokens: Token[], masked: string, mentions: Mention[], signals: Signal[]): Credit[] {
  const out: Credit[] = []
  for (const med of mentions) {
    if (med.role !== 'mediator') continue
    const next = tokens[med.tokenEnd]
    const possessive = next?.norm === "'s" || next?.norm === "'"
    const head = tokens[med.tokenEnd + (possessive ? 1 : 0)]
    const afterHead = head ? masked.slice(head.end).trimStart() : ''
    const credited =
      (possessive && head && MEDIATION.has(head.norm) && CREDIT_AFTER.test(afterHead.replace(/^offices\s+/, ''))) ||
      CREDIT_BEFORE.test(masked.slice(Math.max(0, med.start - 30), med.start).replace(/\s+(the|its)\s*$/, ''))
    if (!credited) continue
    const rv = tokens.find((t) => REPORTING.has(t.norm) && t.end <= med.start)
    if (!rv) continue
    for (const speaker of mentions) {
      if (speaker.role !== 'party' || speaker.end > rv.start || speaker.rollup === med.rollup) continue
      if (!signals.some((s) => (s.a === speaker.rollup || s.b === speaker.rollup) && s.score > 0)) continue
      out.push({
        party: speaker.rollup,
        mediator: med.rollup,
        at: med.start,
        confidence: Math.min(speaker.confidence, med.confidence),
        involved: [speaker, med],
      })
    }
  }
  return out
}
