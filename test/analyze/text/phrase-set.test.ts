import { describe, expect, it } from 'vitest'
import { PhraseSet } from '../../../src/analyze/text/phrase-set.ts'
import { tokenize } from '../../../src/analyze/text/tokenize.ts'

describe('PhraseSet', () => {
  const set = new PhraseSet(['prime minister', 'minister', 'foreign minister'])
  const tokens = tokenize('the foreign minister and the prime minister met')

  it('finds the longest phrase starting or ending at a token', () => {
    expect(set.startingAt(tokens, 1)).toBe(2)
    expect(set.endingAt(tokens, 3)).toBe(2)
    expect(set.startingAt(tokens, 2)).toBe(1)
    expect(set.startingAt(tokens, 0)).toBe(0)
  })

  it('tells whether a phrase ends inside a window', () => {
    expect(set.anyIn(tokens, 4, 7)).toBe(true)
    expect(set.anyIn(tokens, 3, 5)).toBe(false)
  })
})
