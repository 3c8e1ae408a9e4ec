import { describe, expect, it } from 'vitest'
import { getEngine } from '../../../src/analyze/engine.ts'
import { tokenize } from '../../../src/analyze/text/tokenize.ts'

const find = (text: string, date = '2024-05-01') =>
  getEngine()
    .gazetteer.find(tokenize(text), date)
    .map((m) => `${m.actor}:${m.via}`)

describe('Gazetteer', () => {
  it('takes the longest name: "South Sudan" is not Sudan, "Saudi Arabia" is not a demonym', () => {
    expect(find('South Sudan and Saudi Arabia')).toEqual(['south-sudan:name', 'saudi-arabia:name'])
  })

  it('extends a title-and-name alias by a longer name of the same actor that overlaps it ("President Xi" + "Xi Jinping")', () => {
    const spans = (text: string, date: string) =>
      getEngine()
        .gazetteer.find(tokenize(text), date)
        .map((m) => [m.start, m.end, m.actor])
    expect(spans('President Xi Jinping met Lula', '2023-04-14')).toEqual([
      [0, 3, 'china'],
      [4, 5, 'brazil'],
    ])
    expect(spans('President Xi said', '2023-04-14')).toEqual([[0, 2, 'china']])
  })

  it('resolves an office holder to the actor they speak for on the article date only', () => {
    expect(find('Rouhani said', '2018-01-08')).toEqual(['iran:person'])
    expect(find('Rouhani said', '2023-01-08')).toEqual([])
  })

  it('knows a state by its epithets ("the world\'s only superpower")', () => {
    expect(find("friction with the world's only superpower", '2004-10-01')).toEqual(['united-states:alias'])
  })

  it('matches acronyms only in capitals', () => {
    expect(find('the PKK attacked')).toEqual(['pkk:alias'])
    expect(find('a pkk of gum')).toEqual([])
  })

  it('reports nothing for names that only contain an actor name', () => {
    expect(find('a tanker in the Gulf of Oman near Northern Ireland')).toEqual([])
  })

  it('knows de facto states and self-governing territories', () => {
    expect(find('Abkhazia, South Ossetia, the Cook Islands and Turkish Cypriot leaders')).toEqual([
      'abkhazia:name',
      'south-ossetia:name',
      'cook-islands:name',
      'northern-cyprus:demonym',
    ])
  })

  it('rolls parts of an actor up to it, but not affiliates', () => {
    const g = getEngine().gazetteer
    expect(g.rollup('qassam-brigades')).toBe('hamas')
    expect(g.rollup('pla')).toBe('china')
    expect(g.rollup('al-shabaab')).toBe('al-shabaab')
  })

  it('offers the other reading of a shared name ("Brussels": the EU or Belgium)', () => {
    const m = getEngine().gazetteer.find(tokenize('Brussels'), '2024-01-01')[0]!
    expect([m.actor, ...(m.alternatives ?? []).map((a) => a.actor)].sort()).toEqual(['belgium', 'eu'])
  })
})
