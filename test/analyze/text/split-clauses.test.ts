import { describe, expect, it } from 'vitest'
import { splitClauses } from '../../../src/analyze/text/split-clauses.ts'

const clauses = (masked: string) => splitClauses(masked).map((c) => masked.slice(c.start, c.end).trim())

describe('splitClauses', () => {
  it('starts a clause at ", and" between predications', () => {
    expect(clauses('@@@ fired missiles, and @@@ condemned the strike.')).toHaveLength(2)
  })

  it('keeps a list of actors with an Oxford comma together', () => {
    expect(clauses('@@@, @@@, and @@@ cut ties with @@@.')).toHaveLength(1)
  })

  it('starts a clause at a participle after a comma ("…, accusing …")', () => {
    expect(clauses('@@@ cut ties with @@@, accusing @@@ of meddling.')).toEqual([
      '@@@ cut ties with @@@',
      ', accusing @@@ of meddling.',
    ])
  })

  it('ends a fronted subordinate clause at its first comma', () => {
    expect(clauses('since @@@ announced the move, @@@ has tried to strengthen ties.')[0]).toBe(
      'since @@@ announced the move',
    )
  })

  it('keeps "And since" together as one subordinate clause', () => {
    expect(clauses('and since @@@ announced it, @@@ has moved.')[0]).toBe('and since @@@ announced it')
  })

  it('splits off an appositive comment on the event ("…, a move X condemned")', () => {
    expect(clauses('@@@ recognised @@@, a move @@@ denounced.')).toHaveLength(2)
  })

  it('does not split "Sudan\'s army and the RSF signed": a list, not a new clause', () => {
    expect(clauses('@@@@@@@ army and the @@@ signed a declaration.')).toHaveLength(1)
  })
})
