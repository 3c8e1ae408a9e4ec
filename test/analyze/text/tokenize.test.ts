import { describe, expect, it } from 'vitest'
import { normalize, tokenize } from '../../../src/analyze/text/tokenize.ts'

const texts = (s: string) => tokenize(s).map((t) => t.text)

describe('tokenize', () => {
  it('splits a possessive into the name and its ’s, for straight and curly apostrophes', () => {
    expect(texts("Iran's army")).toEqual(['Iran', "'s", 'army'])
    expect(texts('Hamas’s leaders')).toEqual(['Hamas', '’s', 'leaders'])
  })

  it('keeps "it\'s" and "let\'s" whole, since they are not possessives', () => {
    expect(texts("it's over")).toEqual(["it's", 'over'])
  })

  it('splits capitalised hyphen compounds so each name can be matched', () => {
    expect(texts('US-China talks')).toEqual(['US', '-', 'China', 'talks'])
    expect(texts('Iran-backed militias')).toEqual(['Iran', '-', 'backed', 'militias'])
  })

  it('keeps Arabic articles glued to their word and lower-case compounds whole', () => {
    expect(texts('al-Qaeda and cross-border fire')).toEqual(['al-Qaeda', 'and', 'cross-border', 'fire'])
  })

  it('keeps initialisms with dots together', () => {
    expect(texts('the U.S. and U.K. said')).toEqual(['the', 'U.S.', 'and', 'U.K.', 'said'])
  })

  it('records offsets that point back into the text', () => {
    const s = "Turkey's parliament"
    for (const t of tokenize(s)) expect(s.slice(t.start, t.end)).toBe(t.text)
  })

  it('normalises case, curly apostrophes and diacritics', () => {
    expect(normalize('Élysée')).toBe('elysee')
    expect(normalize('Côte’s')).toBe("cote's")
  })
})
