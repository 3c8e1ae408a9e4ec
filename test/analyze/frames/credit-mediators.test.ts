import { describe } from 'vitest'
import { pairTable } from '../analyze-helpers.ts'

describe('credited mediators', () => {
  pairTable('gives a party a good relation with the go-between it credits', [
    [
      "Saudi officials said China's mediation had paved the way for the agreement with Iran.",
      '2023-03-10',
      { 'iran--saudi-arabia': 'improving', 'china--saudi-arabia': 'stable' },
    ],
    [
      "Ukrainian officials said Turkey's mediation had helped secure the prisoner exchange with Russia.",
      '2022-10-13',
      { 'russia--ukraine': 'improving', 'turkey--ukraine': 'stable' },
    ],
    [
      "Philippine officials said Malaysia's facilitation had helped seal the peace deal with the MILF.",
      '2014-03-27',
      { 'moro-islamic-liberation-front--philippines': 'improving', 'malaysia--philippines': 'stable' },
    ],
  ])

  pairTable('gives the parties nothing with a go-between they merely name', [
    [
      'Sudan and South Sudan signed an AU-brokered oil deal in Addis Ababa.',
      '2012-09-27',
      { 'south-sudan--sudan': 'improving' },
    ],
    [
      'Israel and Lebanon agreed a U.S.-mediated maritime border deal on Tuesday.',
      '2022-10-11',
      { 'israel--lebanon': 'improving' },
    ],
    [
      "Yemen's government and the Houthis agreed on a UN-brokered truce.",
      '2022-04-01',
      { 'houthis--yemen': 'improving' },
    ],
    [
      'Uganda and Rwanda signed an Angola-brokered pact to end their dispute.',
      '2019-08-21',
      { 'rwanda--uganda': 'improving' },
    ],
    [
      'Armenia and Azerbaijan signed a Russian-brokered ceasefire deal.',
      '2020-11-09',
      { 'armenia--azerbaijan': 'improving' },
    ],
  ])
})
