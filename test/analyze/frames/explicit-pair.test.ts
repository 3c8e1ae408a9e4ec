import { describe, expect, it } from 'vitest'
import { pairs, pairTable } from '../analyze-helpers.ts'

describe('explicit pairs', () => {
  // The speaker named after the clause ("New Delhi said", "the EU said") is a source, not a third party.
  pairTable('reads "relations between A and B" and "A-B talks" as about exactly that pair', [
    [
      'Relations between India and Canada have sunk to their worst level in decades, New Delhi said.',
      '2023-09-21',
      { 'canada--india': 'deteriorating' },
    ],
    [
      'Ties between China and Australia are at their lowest point in years, the Chinese embassy said.',
      '2020-11-20',
      { 'australia--china': 'deteriorating' },
    ],
    [
      'Japan-South Korea relations are at their worst since 1965, officials in Seoul said.',
      '2019-08-02',
      { 'japan--south-korea': 'deteriorating' },
    ],
    [
      'Relations between Kyiv and Moscow deteriorated sharply on Monday, the EU said.',
      '2018-11-26',
      { 'russia--ukraine': 'deteriorating' },
    ],
    ['US-China talks resumed in Geneva on Monday.', '2024-05-01', { 'china--united-states': 'improving' }],
  ])

  pairTable('reads "between" two titled leaders or two demonym phrases as their states\' pair', [
    [
      'Talks between Greek Cypriot President Nicos Anastasiades and Turkish Cypriot leader Mustafa Akinci collapsed.',
      '2017-07-07',
      { 'cyprus--northern-cyprus': 'frozen' },
    ],
    [
      'Clashes between Israeli forces and Hamas fighters continued overnight.',
      '2024-05-01',
      { 'hamas--israel': 'deteriorating' },
    ],
  ])

  pairTable('reads a country\'s bid to join an organisation ("a capital\'s EU bid") as that pair', [
    ["Squabbling over Belgrade's EU bid intensifies.", '2012-03-01', { 'eu--serbia': 'deteriorating' }],
    ["Row over Georgia's NATO bid deepens.", '2008-04-03', { 'georgia--nato': 'deteriorating' }],
    ["EU leaders welcomed Turkey's EU membership talks.", '2004-10-01', { 'eu--turkey': 'improving' }],
  ])

  it('does not take a place after "between" as a party', () => {
    expect(pairs('Talks between the two sides were held in Doha.')).toEqual({})
  })
})
