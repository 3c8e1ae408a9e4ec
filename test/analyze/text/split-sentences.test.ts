import { describe, expect, it } from 'vitest'
import { splitSentences } from '../../../src/analyze/text/split-sentences.ts'

const texts = (s: string) => splitSentences(s).map((x) => x.text)

describe('splitSentences', () => {
  it('splits at a full stop before a capitalised word', () => {
    expect(texts('Iran fired missiles. Israel responded.')).toEqual(['Iran fired missiles.', 'Israel responded.'])
  })

  it('does not split after titles, initials or abbreviations', () => {
    expect(texts('Mr. Blinken met Gen. Milley and J. Smith in Washington.')).toHaveLength(1)
  })

  it('does not split after "U.S." inside a sentence', () => {
    expect(texts('The U.S. Navy intercepted the drones.')).toHaveLength(1)
  })

  it('always splits at a paragraph break', () => {
    expect(texts('First paragraph without a stop\n\nSecond paragraph.')).toEqual([
      'First paragraph without a stop',
      'Second paragraph.',
    ])
  })

  it('keeps a closing quote with its sentence', () => {
    expect(texts('“We will respond,” he said. Talks resumed.')[0]).toBe('“We will respond,” he said.')
  })

  it('gives the start offset of each sentence', () => {
    const text = 'One. Two.'
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.start + s.text.length)).toBe(s.text)
  })
})
