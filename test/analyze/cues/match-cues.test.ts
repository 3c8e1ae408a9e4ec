import { describe, expect, it } from 'vitest'
import { compileCues, compilePattern, matchCues } from '../../../src/analyze/cues/match-cues.ts'
import type { CueData } from '../../../src/analyze/data/cue-data.ts'
import { cues } from '../../../src/analyze/data/cues.ts'

const cue = (id: string, pattern: string, direction: CueData['direction'] = 'improving'): CueData => ({
  id,
  type: 'COOPERATE',
  pattern,
  direction,
  score: 0.5,
})
const ids = (masked: string, list: CueData[], sentence?: string) =>
  matchCues(masked, compileCues(list), sentence).map((m) => `${m.cue.id}:${masked.slice(m.start, m.end)}`)

describe('compilePattern', () => {
  it('lets a masked mention stand between two words of a pattern', () => {
    expect(compilePattern('soured ties').test('soured @@@@@@ ties')).toBe(true)
  })

  it('needs no space before an optional part that is left out', () => {
    expect(compilePattern('normali[sz]* (of )?(ties|relations)?').exec('steps toward normalisation, with')?.[0]).toBe(
      'normalisation',
    )
  })

  it('treats `word*` as a prefix and `…` as a short gap', () => {
    expect(compilePattern('restor* … ties').test('restored full diplomatic ties')).toBe(true)
    expect(compilePattern('restor* … ties').test('restored one two three four five six seven ties')).toBe(false)
  })

  it('reads a space inside a character class as whitespace', () => {
    expect(compilePattern('talks (in [a-z -]+ )?with').test('talks in new delhi with')).toBe(true)
  })
})

describe('matchCues', () => {
  const lexicon = [
    cue('a.short', 'ties'),
    cue('a.long', 'restored (diplomatic )?ties'),
    cue('a.bad', 'cut ties', 'deteriorating'),
  ]

  it('keeps the longer of two overlapping matches', () => {
    expect(ids('they restored diplomatic ties', lexicon)).toEqual(['a.long:restored diplomatic ties'])
  })

  it('does not match inside a word', () => {
    expect(ids('the bowties were red', lexicon)).toEqual([])
  })

  it('skips a match that starts on a capitalised word inside the sentence: it is part of a name', () => {
    const l = [cue('support.verb', 'champion*')]
    expect(ids('india won the champions trophy', l, 'India won the Champions Trophy')).toEqual([])
    expect(ids('champions of peace met', l, 'Champions of peace met')).toHaveLength(1)
  })

  it('finds every lexicon cue of a real sentence', () => {
    const masked = '@@@ and @@@@@@@@@@@@ agreed to re-establish diplomatic relations and reopen their embassies'
    expect(matchCues(masked, compileCues(cues)).map((m) => m.cue.id)).toEqual([
      'agree.agree',
      'cooperate.restore-ties',
      'cooperate.embassy-reopen',
    ])
  })
})
