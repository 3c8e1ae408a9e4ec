import { describe, expect, it } from 'vitest'
import { ArgumentFinder } from '../../../src/analyze/frames/attach-arguments.ts'
import { getEngine } from '../../../src/analyze/engine.ts'
import { findMentions, newDocState } from '../../../src/analyze/mentions/find-mentions.ts'
import { maskSentence } from '../../../src/analyze/text/mask-sentence.ts'
import { matchCues } from '../../../src/analyze/cues/match-cues.ts'
import { splitClauses } from '../../../src/analyze/text/split-clauses.ts'
import { tokenize } from '../../../src/analyze/text/tokenize.ts'

/** Each cue of the sentence with the rollups of its subjects and objects. */
function args(sentence: string, date = '2024-05-01'): string[] {
  const e = getEngine()
  const tokens = tokenize(sentence)
  const { mentions } = findMentions(sentence, tokens, e.gazetteer.find(tokens, date), e.gazetteer, e.coref, newDocState(), date)
  const masked = maskSentence(sentence, mentions, tokens)
  const cues = matchCues(masked, e.cues, sentence)
  const out: string[] = []
  for (const clause of splitClauses(masked)) {
    const here = cues.filter((c) => c.start >= clause.start && c.start < clause.end)
    const finder = new ArgumentFinder(tokens, mentions, clause, here)
    const consumed = new Set<(typeof mentions)[number]>()
    here.forEach((c, i) => {
      const a = finder.find(i, consumed, clause.start, undefined)
      for (const o of a.objects) consumed.add(o)
      const ids = (ms: typeof mentions) => [...new Set(ms.map((m) => m.rollup))].join('+') || '-'
      out.push(`${c.cue.id}: ${ids(a.subjects)} > ${ids(a.objects)}`)
    })
  }
  return out
}

describe('ArgumentFinder', () => {
  it('takes the first actor phrase after the cue as its object, coordination included', () => {
    expect(args('France recalled its ambassadors to Washington and Canberra.')).toEqual(['sanction.recall-envoy: france > united-states+australia'])
  })

  it('takes the object of "accused X of" as the subject of the complement', () => {
    expect(args('Sudan accused the UAE of arming the Rapid Support Forces.')).toEqual(['accuse.accuse: sudan > united-arab-emirates'])
    expect(args('The Pentagon said it was sending a carrier to deter Iran and Hezbollah from widening the war against Israel.')).toContain('assault.invade: iran+hezbollah > israel')
  })

  it('reads a passive with its by-phrase as the agent', () => {
    expect(args('New sanctions were imposed on Iran by the European Union.')).toEqual(['sanction.sanctions-passive: eu > iran'])
    expect(args('The Chinese ambassador was summoned by the Philippine foreign ministry.')).toEqual(['coerce.envoy-passive: philippines > china'])
  })

  it('gives a relative clause its own subject, never the main clause\'s', () => {
    expect(args('Chile declined to join the group of countries that condemned Peru.')).toContain('accuse.condemn: - > peru')
  })

  it('reads the possessor of a state noun as its patient ("lifted Gabon\'s suspension")', () => {
    expect(args("The African Union lifted Gabon's suspension.")).toEqual(['accuse.state-noun: african-union > gabon'])
  })

  it('skips the subject named again in a passive by-phrase and takes the real object', () => {
    expect(args('A Houthi delegation arrived with mediators, the first visit by the group to Saudi Arabia.')).toContain('consult.visit: houthis > saudi-arabia')
  })

  it('takes an owner after "over" as the target of an objection, unless a party comes first', () => {
    expect(args("The commissioner raised doubts over Turkey's hopes of joining the bloc.")).toContain('accuse.doubt: - > turkey')
    expect(args("Japan voiced concern about China's military build-up.")).toContain('accuse.doubt: japan > china')
  })

  it('takes "delegates at X" and "envoys from X" as X acting, not as an oblique', () => {
    expect(args("Delegates at Iraq's National Conference called on Muqtada al-Sadr to abandon his uprising.", '2004-08-16')).toContain('request.urge: iraq > mahdi-army')
    expect(args('Envoys from Qatar urged Hamas to accept the proposal.')).toContain('request.urge: qatar > hamas')
  })
})
