import { describe, expect, it } from 'vitest'
import { pairs } from '../analyze-helpers.ts'

describe('explicit pairs', () => {
  it('reads "relations between A and B" and "A-B talks" as about exactly that pair', () => {
    expect(pairs('Relations between Russia and the United States are at their lowest point since the Cold War, the Kremlin said.')).toEqual({ 'russia--united-states': 'deteriorating' })
    expect(pairs('US-China talks resumed in Geneva on Monday.')).toEqual({ 'china--united-states': 'improving' })
  })

  it('reads a country\'s bid to join an organisation ("Ankara\'s EU bid") as that pair', () => {
    expect(pairs("Wrangling over Ankara's EU bid heats up.", '2004-10-01')).toEqual({ 'eu--turkey': 'deteriorating' })
    expect(pairs("EU leaders welcomed Turkey's EU membership talks.", '2004-10-01')).toEqual({ 'eu--turkey': 'improving' })
  })

  it('does not take a place after "between" as a party', () => {
    expect(pairs('Talks between the two sides were held in Doha.')).toEqual({})
  })
})
