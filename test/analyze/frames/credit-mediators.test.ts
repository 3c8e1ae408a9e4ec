import { describe, expect, it } from 'vitest'
import { pairs } from '../analyze-helpers.ts'

describe('credited mediators', () => {
  it('gives a party a good relation with the go-between it credits', () => {
    expect(pairs("Hamas officials said Egypt's mediation had helped consolidate the truce with Israel.")['egypt--hamas']).toBe('stable')
  })

  it('gives the parties nothing with a go-between they merely name', () => {
    expect(pairs('Serbia and Kosovo reached a landmark EU-brokered agreement to normalise relations.')).toEqual({ 'kosovo--serbia': 'improving' })
  })
})
