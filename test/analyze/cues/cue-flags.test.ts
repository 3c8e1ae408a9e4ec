import { describe, expect, it } from 'vitest'
import { cues } from '../../../src/analyze/data/cues.ts'
import { polarity, type Flags } from '../../../src/analyze/cues/cue-flags.ts'
import { signals } from '../analyze-helpers.ts'

const none: Flags = {
  negated: false,
  denied: false,
  reversed: false,
  hypothetical: false,
  historical: false,
  reported: false,
}
const cue = (id: string) => cues.find((c) => c.id === id)!
const flagsOf = (text: string) =>
  signals(text).map((s) => `${s.direction}${s.flags.length ? ' ' + s.flags.join(',') : ''}`)

describe('polarity', () => {
  it('turns a negated improvement into a stall and drops a negated rupture', () => {
    expect(polarity(cue('cooperate.restore-ties'), { ...none, negated: true })).toEqual({
      direction: 'frozen',
      score: -0.3,
    })
    expect(polarity(cue('sanction.sever-ties'), { ...none, negated: true })).toBeNull()
  })

  it('drops a denied claim whatever its direction', () => {
    expect(polarity(cue('cooperate.restore-ties'), { ...none, denied: true })).toBeNull()
  })

  it('turns a reversed cue over: ending a boycott improves, suspending a treaty worsens', () => {
    expect(polarity(cue('protest.boycott'), { ...none, reversed: true })?.direction).toBe('improving')
    expect(polarity(cue('agree.deal-with'), { ...none, reversed: true })?.direction).toBe('deteriorating')
  })

  it('fires a state noun ("crisis") only when something ends it', () => {
    expect(polarity(cue('accuse.state-noun'), none)).toBeNull()
    expect(polarity(cue('accuse.state-noun'), { ...none, reversed: true })?.direction).toBe('improving')
  })
})

describe('flag scopes in sentences', () => {
  it('negates within a few words and through "take part in"', () => {
    expect(flagsOf('Egypt did not take part in the strikes on the Houthis.')).toEqual([])
    expect(flagsOf('Turkey has not recalled its ambassador from Israel.')).toEqual([])
  })

  it('does not let a negation reach past the cue\'s own agent ("did not veto the EU\'s sanctions")', () => {
    expect(flagsOf("Hungary did not veto the EU's sanctions against Russia.")).toEqual(['deteriorating'])
  })

  it('lets a denial cover the clause it governs but not a later independent one', () => {
    expect(flagsOf('Israel denied that it had frozen contacts with Russia.')).toEqual([])
    expect(flagsOf('Georgia denied the claim, saying ties with Russia would not be restored.')).toEqual(['frozen'])
  })

  it('marks conditional and background claims', () => {
    expect(flagsOf('Iran could retaliate against Israel if attacked.')).toEqual(['deteriorating hypothetical'])
    expect(flagsOf('Turkey and Russia had severed ties in 2015.')).toEqual(['deteriorating historical'])
  })

  it('does not read "ended in deadlock" as ending the deadlock', () => {
    expect(flagsOf('Talks between Pakistan and the Taliban ended in deadlock.')).toEqual(['frozen', 'frozen'])
  })
})
