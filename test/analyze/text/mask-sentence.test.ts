import { describe, expect, it } from 'vitest'
import { maskSentence } from '../../../src/analyze/text/mask-sentence.ts'
import { tokenize } from '../../../src/analyze/text/tokenize.ts'

function mask(sentence: string, names: string[]): string {
  const tokens = tokenize(sentence)
  const spans = names.map((n) => {
    const start = sentence.indexOf(n)
    const end = start + n.length
    return {
      start,
      end,
      tokenEnd:
        tokens.findIndex((t) => t.start >= end) === -1 ? tokens.length : tokens.findIndex((t) => t.start >= end),
    }
  })
  return maskSentence(sentence, spans, tokens)
}

describe('maskSentence', () => {
  it('replaces each mention and its possessive with @, keeping every offset', () => {
    const s = "Iran's Revolutionary Guards seized a tanker"
    const m = mask(s, ['Iran'])
    expect(m).toBe('@@@@@@ revolutionary guards seized a tanker')
    expect(m).toHaveLength(s.length)
  })

  it('blanks quotation marks but keeps apostrophes inside words', () => {
    expect(mask("He called it 'charity' and “theft”, didn't he", [])).toBe(
      "he called it  charity  and  theft , didn't he",
    )
  })

  it('reads "each other\'s" as the possessive determiner it is', () => {
    expect(mask("They expelled each other's diplomats", [])).toBe('they expelled their        diplomats')
  })
})
