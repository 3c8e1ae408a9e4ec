import { describe, expect, it } from 'vitest'
import { anchorsOf, leadOf } from '../../../src/analyze/cues/cue-anchors.ts'
import { expandLemmas } from '../../../src/analyze/cues/expand-lemmas.ts'
import { cues } from '../../../src/analyze/data/cues.ts'

describe('anchorsOf', () => {
  it('reads "A|B" at the top level as either alternative', () => {
    expect(anchorsOf('(troop|force) leave (the )?@+|(troop|soldier) … crossed')?.sort()).toEqual([
      'crossed',
      'force',
      'troop',
    ])
    expect(leadOf('(troop|force) leave|soldier crossed')?.sort()).toEqual(['force', 'soldier', 'troop'])
  })

  it('takes the mandatory group with the longest certain prefixes', () => {
    expect(anchorsOf('(sever*|cut) (off )?ties')).toEqual(['ties'])
    expect(anchorsOf('(recall*|withdr[ae]w*) (its )?ambassador')).toEqual(['ambassador'])
  })

  it('gives every lexicon cue but a handful an anchor', () => {
    const without = cues.filter((c) => !anchorsOf(expandLemmas(c.pattern)))
    expect(without.length).toBeLessThanOrEqual(3)
  })
})

describe('leadOf', () => {
  it('gives the literals every match starts with, through nested groups', () => {
    expect(leadOf('(sever*|cut) (off )?ties')).toEqual(['sever', 'cut'])
    expect(leadOf('((prisoner|hostage)s? swap|exchang* prisoners)')).toEqual(['prisoner', 'hostage', 'exchang'])
  })

  it('adds the leads of an optional opening part to those of what follows it', () => {
    expect(leadOf('(diplomatic )?thaw')).toEqual(['diplomatic', 'thaw'])
    expect(leadOf('(the |an )?(rift|row)')).toEqual(['the', 'an', 'rift', 'row'])
  })

  it('has none when the pattern may start with a class or an optional part may end it', () => {
    expect(leadOf('[a-z]+ orbit')).toBeNull()
    expect(leadOf('(diplomatic )?')).toBeNull()
  })

  it('steps over a lookbehind, which takes no room', () => {
    expect(leadOf('((?<!be )met|hosted)')).toEqual(['met', 'hosted'])
  })
})
