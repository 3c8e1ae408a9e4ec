import { describe, expect, it } from 'vitest'
import { CLOSED, inflections, nounForms } from '../../../src/analyze/text/inflect.ts'

describe('inflections', () => {
  it.each([
    ['seize', ['seizes', 'seized', 'seizing']],
    ['ally', ['allies', 'allied', 'allying']],
    ['ban', ['bans', 'banned', 'banning']],
    ['expel', ['expels', 'expelled', 'expelling']],
    ['agree', ['agrees', 'agreed', 'agreeing']],
    ['tie', ['ties', 'tied', 'tying']],
    ['veto', ['vetoes', 'vetoed', 'vetoing']],
    ['reach', ['reaches', 'reached', 'reaching']],
    ['panic', ['panicked', 'panicking']],
  ])('gives the regular forms of %s', (lemma, forms) => {
    expect(inflections(lemma)).toEqual(expect.arrayContaining([lemma, ...forms]))
  })

  it.each([
    ['meet', ['met', 'meeting', 'meetings']],
    ['withdraw', ['withdrew', 'withdrawn']],
    ['strike', ['struck']],
    ['freeze', ['froze', 'frozen']],
    ['lead', ['led']],
    ['seek', ['sought']],
  ])('adds the irregular forms of %s from the data file', (lemma, forms) => {
    expect(inflections(lemma)).toEqual(expect.arrayContaining(forms))
  })

  it('spells -ise and -ize words both ways, their nominalisations too', () => {
    expect(inflections('normalise')).toEqual(expect.arrayContaining(['normalize', 'normalized', 'normalising']))
    expect(inflections('normalization')).toEqual(expect.arrayContaining(['normalisation', 'normalizations']))
  })

  it('inflects the last part of a hyphenated lemma', () => {
    expect(inflections('re-establish')).toEqual(expect.arrayContaining(['re-established', 're-establishing']))
  })

  it('leaves function words alone', () => {
    expect(CLOSED.has('with')).toBe(true)
    expect(inflections('with')).toEqual(['with'])
    expect(inflections('their')).toEqual(['their'])
  })
})

describe('nounForms', () => {
  it('gives a noun and its plural only, never a verb form', () => {
    expect(nounForms('demand')).toEqual(['demand', 'demands'])
    expect(nounForms('crisis')).toEqual(['crisis', 'crises'])
    expect(nounForms('ministry')).toEqual(['ministry', 'ministries'])
    expect(nounForms('demand')).not.toContain('demanding')
  })
})
