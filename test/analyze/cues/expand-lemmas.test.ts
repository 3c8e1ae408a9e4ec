import { describe, expect, it } from 'vitest'
import { applyMacros, expandLemmas } from '../../../src/analyze/cues/expand-lemmas.ts'
import { compilePattern } from '../../../src/analyze/cues/match-cues.ts'

const matches = (pattern: string, text: string) => compilePattern(expandLemmas(pattern)).test(text)

describe('expandLemmas', () => {
  it('lets a lemma match every form of the word', () => {
    for (const t of ['sever ties', 'severed ties', 'severs ties', 'severing ties'])
      expect(matches('sever tie', t), t).toBe(true)
  })

  it('keeps a word marked = as written, and every word of a group marked =', () => {
    expect(matches('=talks with', 'talks with')).toBe(true)
    expect(matches('=talks with', 'talk with')).toBe(false)
    expect(matches('impose =(new |fresh )?sanction', 'imposed fresh sanctions')).toBe(true)
    expect(expandLemmas('=(new |fresh )')).toBe('(new |fresh )')
  })

  it('matches a noun marked ~ and its plural, not the verb forms', () => {
    expect(matches('reject =(the )?~demand', 'rejected the demands')).toBe(true)
    expect(matches('reject =(the )?~demand', 'rejected the demanding')).toBe(false)
  })

  it('leaves function words, stems with *, lookarounds and character classes as they are', () => {
    expect(expandLemmas('with')).toBe('with')
    expect(expandLemmas('restor*')).toBe('restor*')
    expect(expandLemmas('(?=(the )?@)')).toBe('(?=(the )?@)')
    expect(expandLemmas('normali[sz]*')).toBe('normali[sz]*')
  })

  it('keeps number classes intact when compiled', () => {
    expect(matches('pull =(its )?(\\d+(,\\d+)* )?troop =back', 'pull its 14,000 troops back')).toBe(true)
    expect(matches('pledge =(\\$?[0-9][0-9.,]* )?aid', 'pledged $8 aid')).toBe(true)
  })
})

describe('applyMacros', () => {
  it('inserts named pieces, which may use other macros, and refuses an unknown one', () => {
    const macros = new Map([
      ['REL', '(tie|relation)'],
      ['RELP', '{REL}( with @+)?'],
    ])
    expect(applyMacros('restore {RELP}', macros)).toBe('restore (tie|relation)( with @+)?')
    expect(() => applyMacros('{NOPE}', macros)).toThrow(/unknown macro/)
  })
})
