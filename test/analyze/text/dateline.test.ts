import { describe, expect, it } from 'vitest'
import { datelineEnd } from '../../../src/analyze/text/dateline.ts'

const dateline = (s: string) => s.slice(0, datelineEnd(s))

describe('datelineEnd', () => {
  it.each([
    ['ISLAMABAD, Dec 3 (Reuters) - Pakistan and India agreed to talks.', 'ISLAMABAD, Dec 3 (Reuters) - '],
    ['BAGHDAD, Iraq - Followers of the cleric handed in weapons.', 'BAGHDAD, Iraq - '],
    ['NEW DELHI, Aug. 25. - Kuwait promised help.', 'NEW DELHI, Aug. 25. - '],
    ['MOSCOW, Aug. 18 (Xinhuanet) -- Russian President Putin said.', 'MOSCOW, Aug. 18 (Xinhuanet) -- '],
    ['THE HAGUE (Reuters) - The court ruled.', 'THE HAGUE (Reuters) - '],
    ['UNITED NATIONS : The presidents of Brazil and France met.', 'UNITED NATIONS : '],
    ['KHARTOUM, Sudan Sept. 19, 2004 - A resolution passed.', 'KHARTOUM, Sudan Sept. 19, 2004 - '],
    ['Kampala (AP) — Uganda said its troops had withdrawn.', 'Kampala (AP) — '],
    ['AFP - South Korea started talks.', 'AFP - '],
    ['KALAKAN, Afghanistan There were old men and young men.', 'KALAKAN, Afghanistan '],
    ['NEW DELHI, 7 September 2004 - India and Pakistan concluded talks.', 'NEW DELHI, 7 September 2004 - '],
    ['KYIV/MOSCOW (Reuters) - Ukraine said it shot down drones.', 'KYIV/MOSCOW (Reuters) - '],
    ['SEOUL/TOKYO/WASHINGTON (Reuters) - The three allies held drills.', 'SEOUL/TOKYO/WASHINGTON (Reuters) - '],
  ])('finds where %j begins its story', (sentence, expected) => {
    expect(dateline(sentence)).toBe(expected)
  })

  it.each([
    'US seeks reconciliation with Venezuela.',
    'UN demands Rwanda pull out military forces.',
    'NATO-led troops in Afghanistan will stay.',
    'Iran and Saudi Arabia restored ties on Friday.',
    'Sudan: UN ruling will not help stop the crisis.',
  ])('finds no dateline in %j', (sentence) => {
    expect(datelineEnd(sentence)).toBe(0)
  })
})
